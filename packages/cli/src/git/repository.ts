/**
 * One repository as an upgrade sees it. Reads go through one `git cat-file --batch`, writes through one
 * `git fast-import`: an upgrade never touches the working tree or the user's index until it is complete,
 * and it costs a handful of git processes instead of one per question.
 */
import { committerIdentity } from '@ai-factory/engine';
import { execGit } from './exec.js';
import { importCommits, type CommitSpec } from './fast-import.js';
import { ObjectReader } from './object-reader.js';
import { readSnapshot, type Snapshot } from './trees.js';

export class Repository {
  #reader: ObjectReader | undefined;

  constructor(readonly dir: string) {}

  get #objects(): ObjectReader {
    this.#reader ??= new ObjectReader(this.dir);
    return this.#reader;
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

  /** Every file of a commit, with its mode. */
  snapshot(commit: string): Promise<Snapshot> {
    return readSnapshot(this.#objects, commit);
  }

  /** Tracked changes or untracked files that are not ignored. */
  async status(): Promise<string[]> {
    // No optional locks: a read-only look must not rewrite the index under the team's feet.
    return (await this.run(['--no-optional-locks', 'status', '--porcelain', '--untracked-files=normal'])).split('\n').filter(Boolean);
  }

  /**
   * Writes the commits, then moves their refs (see {@link importCommits}); returns their oids.
   * @param committer `Name <email>`. @default the repository's own identity, else the factory's fallback
   */
  async commit(commits: readonly CommitSpec[], committer?: string): Promise<string[]> {
    return importCommits(this.dir, committer ?? (await committerIdentity(this.dir)), commits);
  }

  /** Stops the reader; call when done with the repository. */
  async close(): Promise<void> {
    await this.#reader?.close();
  }
}
