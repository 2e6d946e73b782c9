/**
 * Writes commits into a repository's object database, and nothing else, through the tree package's one
 * fast-import stream (`flushToGit`). fast-import also writes a ref per commit, so it runs against a scratch
 * git directory that shares the repository's objects: its refs and any crash report stay there and go with
 * it. The repository's refs are moved afterwards, all in one transaction (see `updateRefs`), so objects of
 * a run that fails are left unreferenced, for git's gc to remove.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execGit } from '@ai-factory/engine';
import { flushToGit, type GitCommit } from '@ai-factory/tree';

/** A commit to write: its tree's changes on `parent`'s files (see `GitCommit`). */
export type CommitSpec = Omit<GitCommit, 'ref'>;

/** Where a repository keeps its objects, and how it names them. */
export interface ObjectStore {
  /** Absolute path of the objects directory. */
  objects: string;
  format: 'sha1' | 'sha256';
}

/** The scratch branch each commit is made on. */
const SCRATCH_REF = 'refs/heads/import';

/** A git directory with no objects of its own: fast-import's refs land here, its objects in `store`. */
function scratchGitDir(store: ObjectStore): string {
  const dir = mkdtempSync(join(tmpdir(), 'ai-factory-import-'));
  mkdirSync(join(dir, 'refs', 'heads'), { recursive: true });
  mkdirSync(join(dir, 'objects'));
  writeFileSync(join(dir, 'HEAD'), `ref: ${SCRATCH_REF}\n`);
  const sha256 = store.format === 'sha256';
  writeFileSync(join(dir, 'config'), `[core]\n\trepositoryformatversion = ${sha256 ? 1 : 0}\n\tbare = true\n${sha256 ? '[extensions]\n\tobjectformat = sha256\n' : ''}`);
  return dir;
}

const temporaryPacks = (store: ObjectStore) => new Set(readdirSync(join(store.objects, 'pack')).filter((name) => name.startsWith('tmp_')));

/**
 * Writes `commits` in order (a commit may name an earlier one's oid as its parent only if it was written
 * before) and returns their oids; moves no ref of the repository. `committer` is `Name <email>`.
 * @example const [oid] = await importCommits(store, 'Bot <bot@example.com>', [{ parent: head, tree, message: 'x' }]);
 */
export async function importCommits(store: ObjectStore, committer: string, commits: readonly CommitSpec[]): Promise<string[]> {
  const gitDir = scratchGitDir(store);
  const before = temporaryPacks(store);
  try {
    return await flushToGit(
      commits.map((commit) => ({ ...commit, ref: SCRATCH_REF })),
      committer,
      async (args, stream) => {
        const result = await execGit(args, { cwd: gitDir, input: stream, reject: false, env: { GIT_DIR: gitDir, GIT_OBJECT_DIRECTORY: store.objects } });
        if (result.exitCode === 0) return result.stdout;
        // A pack it could not finish (a full disk) is left as a temporary file: the repository is to stay as it was.
        for (const name of temporaryPacks(store)) if (!before.has(name)) rmSync(join(store.objects, 'pack', name), { force: true });
        throw new Error(`git fast-import failed: ${result.stderr.replace(/^fast-import: dumping crash report.*$/m, '').trim()}`);
      },
    );
  } finally {
    rmSync(gitDir, { recursive: true, force: true });
  }
}
