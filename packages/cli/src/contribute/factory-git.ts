/**
 * Git in the factory repository: find it, read what its HEAD commit holds, and write a contributed module
 * on a new branch as git objects (one pack, see `flushToGit`). The factory's working tree, index and checked-out
 * branch are never touched, so a checkout with work in progress (or untracked files) stays exactly as it is.
 */
import { FactoryError, tryGit } from '@ai-factory/engine';
import { fileMode, Tree } from '@ai-factory/tree';
import { ObjectReader } from '../git/object-reader.js';
import { Repository } from '../git/repository.js';

/** The repository holding `cwd`, the default factory for `contribute`. */
export async function repositoryRoot(cwd: string): Promise<string> {
  // A folder that does not exist, or no git at all, is answered like a folder outside any repository.
  const result = await tryGit(['rev-parse', '--show-toplevel'], { cwd });
  if (result?.exitCode !== 0) throw new FactoryError('invalid-target', `${cwd} is not in a git repository; pass --factory <repo-dir>.`);
  return result.stdout.toString('utf8').trim();
}

/** The factory as of one commit: reads go through one `git cat-file --batch`. */
export class FactoryCommit {
  readonly #reader: ObjectReader;

  private constructor(
    readonly dir: string,
    readonly oid: string,
    reader: ObjectReader,
  ) {
    this.#reader = reader;
  }

  /** The factory's HEAD commit; an error when the repository has none yet. */
  static async head(dir: string): Promise<FactoryCommit> {
    const reader = new ObjectReader(dir);
    const head = await reader.read('HEAD^{commit}').catch(() => undefined);
    if (!head) {
      await reader.close();
      throw new FactoryError('invalid-target', `${dir} has no commit to start the contribution's branch from.`);
    }
    return new FactoryCommit(dir, head.oid, reader);
  }

  /** True when `path` (a file or folder) is in this commit. */
  async has(path: string): Promise<boolean> {
    return (await this.#reader.read(`${this.oid}:${path}`)) !== undefined;
  }

  /** A file's text in this commit, or undefined. */
  async text(path: string): Promise<string | undefined> {
    const object = await this.#reader.read(`${this.oid}:${path}`);
    return object?.type === 'blob' ? object.content.toString('utf8') : undefined;
  }

  async branchExists(branch: string): Promise<boolean> {
    return (await this.#reader.read(`refs/heads/${branch}^{commit}`)) !== undefined;
  }

  /**
   * Commits `files` (paths in the repository) on this commit as the new branch `branch`; git refuses to
   * move a branch that appeared meanwhile. @returns the new commit's id
   */
  async commitBranch(branch: string, files: ReadonlyMap<string, Buffer>, modes: ReadonlyMap<string, string>, message: string): Promise<string> {
    const repository = new Repository(this.dir);
    try {
      const tree = new Tree();
      for (const [path, content] of files) tree.write(path, content, fileMode(modes.get(path) ?? '100644'));
      const [commit] = await repository.writeCommits([{ parent: this.oid, tree, message }]);
      await repository.updateRefs([{ create: `refs/heads/${branch}`, oid: commit! }]);
      return commit!;
    } catch (error) {
      throw new FactoryError('io', `Could not write branch ${branch} in ${this.dir}: ${(error as Error).message}`);
    } finally {
      await repository.close();
    }
  }

  close(): Promise<void> {
    return this.#reader.close();
  }
}
