/**
 * `fleet status`: where each repository stands, read from its HEAD commit (never the working tree, which
 * may hold a half-resolved upgrade): factory version, shared API version, preset, whether it is behind
 * this CLI, and which upgrade branches wait for review.
 */
import { resolve } from 'node:path';
import { ManifestSchema, MANIFEST_PATH, upgradeBranch } from '@ai-factory/engine';
import { SYNTH_MODULE } from '@ai-factory/shared';
import semver from 'semver';
import { execGit } from '../git/exec.js';

export interface RepoStatus {
  repo: string;
  factoryVersion?: string;
  /** Version of the `platform/shared` module in the manifest: the @ai-factory/shared API the project uses. */
  sharedVersion?: string;
  preset?: string;
  /** Older than the factory this CLI ships. */
  behind?: boolean;
  /** Local `ai-factory/upgrade-*` branches. */
  upgradeBranches: string[];
  /** True when the branch for this CLI's version exists. */
  upgradeWaiting: boolean;
  error?: string;
}

const UPGRADE_PREFIX = `refs/heads/${upgradeBranch('')}`;

/**
 * Reads one repository's status against the factory version `current`; a repository that cannot be read
 * is a row with its error.
 * @example await repoStatus('/src/churn', '0.2.0') // { factoryVersion: '0.1.0', behind: true, ... }
 */
export async function repoStatus(path: string, current: string): Promise<RepoStatus> {
  const repo = resolve(path);
  const row: RepoStatus = { repo, upgradeBranches: [], upgradeWaiting: false };
  try {
    const shown = await execGit(['show', `HEAD:${MANIFEST_PATH}`], { cwd: repo, reject: false });
    if (shown.exitCode !== 0) {
      const reason = shown.stderr.trim().split('\n')[0] ?? '';
      return { ...row, error: /not a git repository/i.test(reason) ? `not a git repository: ${reason}` : `no ${MANIFEST_PATH} at HEAD: ${reason}` };
    }
    const parsed = ManifestSchema.safeParse(JSON.parse(shown.stdout.toString('utf8')));
    if (!parsed.success) return { ...row, error: `${MANIFEST_PATH} at HEAD is not a valid manifest: ${parsed.error.issues[0]?.message}` };
    const manifest = parsed.data;
    const shared = manifest.modules.find((module) => module.id === SYNTH_MODULE);
    // for-each-ref matches whole path components only, so list the folder and filter by prefix here.
    const refs = await execGit(['for-each-ref', '--format=%(refname)', UPGRADE_PREFIX.slice(0, UPGRADE_PREFIX.lastIndexOf('/') + 1)], { cwd: repo });
    const branches = refs.stdout
      .toString('utf8')
      .split('\n')
      .filter((ref) => ref.startsWith(UPGRADE_PREFIX))
      .map((ref) => ref.slice('refs/heads/'.length));
    return {
      ...row,
      factoryVersion: manifest.factory.version,
      ...(shared ? { sharedVersion: shared.version } : {}),
      preset: manifest.preset,
      behind: semver.lt(manifest.factory.version, current),
      upgradeBranches: branches,
      upgradeWaiting: branches.includes(upgradeBranch(current)),
    };
  } catch (error) {
    return { ...row, error: (error as Error).message.split('\n')[0]! };
  }
}

/** Reads many repositories, a few at a time (each is a couple of short git processes). */
export async function fleetStatus(paths: readonly string[], current: string, concurrency: number): Promise<RepoStatus[]> {
  const rows: RepoStatus[] = new Array(paths.length);
  let next = 0;
  const lane = async () => {
    while (next < paths.length) {
      const i = next++;
      rows[i] = await repoStatus(paths[i]!, current);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, paths.length)) }, lane));
  return rows;
}

export function formatStatus(rows: readonly RepoStatus[], current: string): string {
  const header = ['factory', 'shared', 'preset', 'state', 'upgrade branch', 'repository'];
  const table = rows.map((row) => [
    row.factoryVersion ?? '-',
    row.sharedVersion ?? '-',
    row.preset ?? '-',
    row.error ? `error: ${row.error}` : row.behind ? `behind ${current}` : 'current',
    row.upgradeBranches.join(', ') || '-',
    row.repo,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...table.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  const behind = rows.filter((row) => row.behind).length;
  const errors = rows.filter((row) => row.error).length;
  return [line(header), ...table.map(line), '', `${rows.length} repositories: ${behind} behind ${current}, ${rows.filter((r) => r.upgradeWaiting).length} with an upgrade branch waiting, ${errors} unreadable`].join('\n');
}
