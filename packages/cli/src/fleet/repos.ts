/**
 * The repository list of a fleet run: positionals or a file, resolved, de-duplicated and sorted, so every
 * machine of a sharded run sees the same list in the same order and `--shard` partitions it identically.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../command.js';
import { DEFAULT_WORK_DIR } from './defaults.js';

export { DEFAULT_WORK_DIR };

/** A repository and its place in the whole sorted list (stable across shards, used in report names). */
export interface FleetRepo {
  index: number;
  /** Where the repository is upgraded: the path given, or the work-directory clone of `origin`. */
  path: string;
  /** The URL given instead of a path: the run clones it into `path` and pushes back to it. */
  origin?: string;
}

/** One shard of a run: `index` counts from 1, as on the command line and in CI matrices. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Reads a list file: one repository path or URL per line; blank lines and `#` comments (whole-line or
 * trailing) are ignored. Relative paths are relative to `cwd`; URLs stay as written.
 * @example parseRepoList('a\n# skip\nb  # team b\n', '/fleet') // ['/fleet/a', '/fleet/b']
 */
export function parseRepoList(text: string, cwd: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean)
    .map((line) => locate(line, cwd));
}

/**
 * True for what git takes as a URL rather than a path: `scheme://…`, or scp-like `[user@]host:path` (a
 * colon before any slash), exactly git's own rule.
 */
export function isRepositoryUrl(entry: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(entry) || /^[^/]+:/.test(entry);
}

const locate = (entry: string, cwd: string) => (isRepositoryUrl(entry) ? entry : resolve(cwd, entry));

/** The work-directory folder a URL is cloned into: readable, and unique per URL. */
export function cloneFolder(workDir: string, url: string): string {
  const name = basename(url.replace(/\/+$/, '')).replace(/\.git$/, '').replace(/[^A-Za-z0-9._-]/g, '_') || 'repo';
  return join(workDir, `${name}-${createHash('sha256').update(url).digest('hex').slice(0, 10)}`);
}

/**
 * Every repository named on the command line or in `--from`, sorted and without duplicates. URLs are
 * given their clone folder under `workDir`.
 */
export function collectRepos(positionals: readonly string[], from: string | undefined, cwd: string, workDir = resolve(cwd, DEFAULT_WORK_DIR)): FleetRepo[] {
  if (positionals.length > 0 && from !== undefined) throw new UsageError('Give repositories as arguments or with --from, not both.');
  let paths: string[];
  if (from !== undefined) {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, from), 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read the repository list ${from}: ${(error as Error).message}`);
    }
    paths = parseRepoList(text, cwd);
  } else paths = positionals.map((path) => locate(path, cwd));
  if (paths.length === 0) throw new UsageError('No repositories: give paths or URLs as arguments or a list file with --from.');
  // Code-unit order, not locale order: identical on every machine of a sharded run.
  const sorted = [...new Set(paths)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map((entry, index) => (isRepositoryUrl(entry) ? { index, path: cloneFolder(workDir, entry), origin: entry } : { index, path: entry }));
}

/**
 * Parses `I/N` with 1 ≤ I ≤ N.
 * @example parseShard('2/8') // { index: 2, count: 8 }
 */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard must be I/N with 1 ≤ I ≤ N (e.g. 2/8), not "${text}".`);
  }
  return { index, count };
}

/**
 * The repositories of one shard: every N-th of the sorted list starting at the I-th, so shards differ in
 * size by at most one and neighbours (often one team's repositories) spread across machines.
 */
export function selectShard(repos: readonly FleetRepo[], shard: Shard | undefined): FleetRepo[] {
  if (!shard) return [...repos];
  return repos.filter((repo) => repo.index % shard.count === shard.index - 1);
}
