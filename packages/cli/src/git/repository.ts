/**
 * One repository as an upgrade sees it. Reads go through one `git cat-file --batch`, new objects are
 * written as one pack, refs move in one transaction: an upgrade never touches the working tree
 * or the user's index until it is complete, and it costs a handful of git processes instead of one per
 * question.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { committerIdentity, execGit } from '@ai-factory/engine';
import { flushToGit, type GitCommit, type Tree } from '@ai-factory/tree';
import { provenClean } from './clean-worktree.js';
import { ObjectReader } from './object-reader.js';
import { storePack, type ObjectStore } from './object-store.js';
import { updateRefs, type RefUpdate } from './refs.js';
import { readSnapshot } from './trees.js';

/** What git leaves in its directory while an operation waits for the user, and what to run to end it. */
const OPERATIONS: [path: string, operation: string, end: string][] = [
  ['rebase-merge', 'a rebase', 'git rebase --continue or --abort'],
  ['rebase-apply', 'a rebase or git am', 'git rebase --continue or --abort (git am --continue or --abort)'],
  ['MERGE_HEAD', 'a merge', 'git commit, or git merge --abort'],
  ['CHERRY_PICK_HEAD', 'a cherry-pick', 'git cherry-pick --continue, --skip or --abort'],
  ['REVERT_HEAD', 'a revert', 'git revert --continue, --skip or --abort'],
  ['sequencer', 'a cherry-pick or revert of several commits', 'git cherry-pick (or revert) --continue or --abort'],
  ['BISECT_START', 'a bisect', 'git bisect reset'],
];

export class Repository {
  #reader: ObjectReader | undefined;
  #layout: Promise<{ store: ObjectStore; inProgress: { operation: string; end: string } | undefined }> | undefined;
  #plain: { config: string | undefined } | undefined;

  constructor(readonly dir: string) {}

  get #objects(): ObjectReader {
    this.#reader ??= new ObjectReader(this.dir);
    return this.#reader;
  }

  /** The text of `.git/config` in a plain repository (see {@link plainGitConfig}), read once; else undefined. */
  get #plainConfig(): string | undefined {
    this.#plain ??= { config: plainGitConfig(this.dir) };
    return this.#plain.config;
  }

  async run(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Promise<string> {
    return (await execGit(args, { cwd: this.dir, ...options })).stdout.toString('utf8');
  }

  /**
   * The commit each ref names, undefined where none; one round trip for all of them. Rejects with an
   * `ObjectReaderError` when git cannot read a repository here at all.
   * @example const [head, pristine] = await repo.resolve(['HEAD', pristineRef('0.1.0')]);
   */
  async resolve(refs: readonly string[]): Promise<(string | undefined)[]> {
    return (await this.#objects.readAll(refs.map((ref) => `${ref}^{commit}`))).map((object) => object?.oid);
  }

  /** Every file of a commit, with its mode: the base of a tree. */
  snapshot(commit: string): Promise<Tree> {
    return readSnapshot(this.#objects, commit);
  }

  /** Tracked changes or untracked files that are not ignored. */
  async status(): Promise<string[]> {
    // Proving it clean from the index spares the process git status costs; a doubt is git's to answer.
    const config = this.#plainConfig;
    if (config !== undefined) {
      const tree = (await this.#objects.read('HEAD^{tree}'))?.oid;
      if (tree && provenClean(this.dir, tree, config)) return [];
    }
    // No optional locks: a read-only look must not rewrite the index under the team's feet.
    return (await this.run(['--no-optional-locks', 'status', '--porcelain', '--untracked-files=normal'])).split('\n').filter(Boolean);
  }

  /** The branch HEAD is on (`refs/heads/...`), or undefined when it is detached. */
  async currentBranch(): Promise<string | undefined> {
    const result = await execGit(['symbolic-ref', '--quiet', 'HEAD'], { cwd: this.dir, reject: false });
    return result.exitCode === 0 ? result.stdout.toString('utf8').trim() : undefined;
  }

  /** A rebase, merge, cherry-pick, revert or bisect waiting for the user, with the command that ends it. */
  async operationInProgress(): Promise<{ operation: string; end: string } | undefined> {
    return (await this.#inspect()).inProgress;
  }

  /**
   * Writes the commits' objects as one pack (see `flushToGit`) and returns their oids; moves no ref.
   * @param committer `Name <email>`. @default the repository's own identity, else the factory's fallback
   */
  async writeCommits(commits: readonly GitCommit[], committer?: string): Promise<string[]> {
    const { store } = await this.#inspect();
    const identity = committer ?? (await committerIdentity(this.dir));
    return flushToGit(commits, identity, { format: store.format, read: (oid) => this.#objects.read(oid), writePack: (pack) => storePack(store, pack) });
  }

  /** Moves refs in one transaction (see {@link updateRefs}). */
  updateRefs(updates: readonly RefUpdate[]): Promise<void> {
    return updateRefs(this.dir, updates);
  }

  /** Stops the reader; call when done with the repository. */
  async close(): Promise<void> {
    await this.#reader?.close();
  }

  /** Where the objects are and what state files exist: read directly in a plain repository, else one `git rev-parse`. */
  #inspect() {
    this.#layout ??= (async () => {
      const paths = ['objects', ...OPERATIONS.map(([path]) => path)];
      const [format, objects, ...state] = this.#plainConfig !== undefined
        ? ['sha1', ...paths.map((path) => join(this.dir, '.git', path))]
        : (await this.run(['rev-parse', '--show-object-format', ...paths.flatMap((path) => ['--git-path', path])])).split('\n').map((line) => line.trim());
      const found = OPERATIONS.find((_, i) => existsSync(resolve(this.dir, state[i]!)));
      return {
        store: { objects: resolve(this.dir, objects!), format: format === 'sha256' ? ('sha256' as const) : ('sha1' as const) },
        inProgress: found ? { operation: found[1], end: found[2] } : undefined,
      };
    })();
    return this.#layout;
  }
}

/** Variables that move a repository's git directory or objects away from `<dir>/.git`. */
const RELOCATING = ['GIT_DIR', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_WORK_TREE'];

/**
 * The text of `dir/.git/config` if `dir` is the top of a repository whose git directory is `dir/.git` itself
 * (no linked worktree, no submodule's gitfile, nothing relocated by the environment) with SHA-1 objects,
 * else undefined: there, `git rev-parse --git-path` would answer `.git/<path>`, and asking it costs a
 * process per repository. A config that names an object format, or includes other files that might, is
 * left to git.
 */
function plainGitConfig(dir: string): string | undefined {
  if (RELOCATING.some((name) => process.env[name] !== undefined)) return undefined;
  if (!statSync(join(dir, '.git'), { throwIfNoEntry: false })?.isDirectory()) return undefined;
  const path = join(dir, '.git', 'config');
  if (!existsSync(path)) return undefined;
  const config = readFileSync(path, 'utf8');
  return /objectformat|include/i.test(config) ? undefined : config;
}
