/**
 * The one place a tree becomes git objects: `flushToGit` writes trees' changes as blobs, trees and commits
 * through a single `git fast-import` stream. Which repository (or object directory) receives them is the
 * caller's runner's business, so this package runs no git of its own.
 */
import type { FileMode, Tree } from './tree.js';

export interface GitCommit {
  /**
   * The commit's files as changes on its parent's: the tree's `changes()` are written over the parent's
   * tree, and a file of the parent the tree does not change is kept. Without a parent, the tree's base is
   * to be empty.
   */
  tree: Tree;
  /** The parent commit's oid; an earlier commit of the same flush may be named by its oid only once written. */
  parent?: string;
  message: string;
  /** The branch fast-import commits on (e.g. `refs/heads/import`); it is reset first, so a commit without a parent gets none. */
  ref: string;
}

/** Runs `git <args>` with `stream` on its stdin and resolves with its stdout; rejects when git fails. */
export type FastImport = (args: readonly string[], stream: Buffer) => Promise<Buffer>;

const GIT_MODES: Record<FileMode, string> = { file: '100644', executable: '100755', symlink: '120000' };

/** The git mode of an entry (`100644`, `100755`, `120000`). */
export const gitMode = (mode: FileMode): string => GIT_MODES[mode];

/** The entry mode of a git file mode; any mode but an executable's or a link's is a plain file's. */
export const fileMode = (mode: string): FileMode => (mode === '100755' ? 'executable' : mode === '120000' ? 'symlink' : 'file');

/** A path as fast-import reads it: C-style quoted, so spaces, quotes and line breaks are safe. */
const quote = (path: string) => `"${path.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

function data(content: Buffer | string): Buffer[] {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')];
}

function commitCommands(commit: GitCommit, mark: number, committer: string): Buffer[] {
  const chunks = [Buffer.from(`reset ${commit.ref}\ncommit ${commit.ref}\nmark :${mark}\ncommitter ${committer} now\n`), ...data(commit.message)];
  if (commit.parent) chunks.push(Buffer.from(`from ${commit.parent}\n`));
  for (const change of commit.tree.changes()) {
    if (!change.after) chunks.push(Buffer.from(`D ${quote(change.path)}\n`));
    else chunks.push(Buffer.from(`M ${gitMode(change.after.mode)} inline ${quote(change.path)}\n`), ...data(change.after.content));
  }
  chunks.push(Buffer.from(`get-mark :${mark}\n`));
  return chunks;
}

/**
 * Writes `commits` in order through one fast-import and returns their oids. `committer` is `Name <email>`.
 * The objects stay in the one small pack fast-import writes, without delta search: exploding it into a
 * loose file per object (git's default below 100 objects) and searching deltas cost more than the rest of
 * the import; the repository's next gc deltifies and folds the packs together.
 * @example const [oid] = await flushToGit([{ tree, parent: head, message: 'x', ref: 'refs/heads/import' }], 'Bot <bot@example.com>', run);
 */
export async function flushToGit(commits: readonly GitCommit[], committer: string, fastImport: FastImport): Promise<string[]> {
  if (commits.length === 0) return [];
  if (!/^[^<>\n]* <[^<>\n]*>$/.test(committer)) throw new Error(`Not a committer identity: ${committer}`);
  const stream = Buffer.concat([Buffer.from('feature done\n'), ...commits.flatMap((commit, i) => commitCommands(commit, i + 1, committer)), Buffer.from('done\n')]);
  const stdout = await fastImport(['-c', 'fastimport.unpackLimit=1', 'fast-import', '--quiet', '--date-format=now', '--depth=0'], stream);
  const oids = stdout.toString('utf8').split('\n').filter(Boolean);
  if (oids.length !== commits.length) throw new Error(`git fast-import wrote ${oids.length} of ${commits.length} commits.`);
  return oids;
}
