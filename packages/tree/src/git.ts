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

/**
 * The whole fast-import stream. Each distinct content is written once, as a `blob` with a mark that every
 * commit names it by: an upgrade's pristine render and its commit on the team's HEAD share most of their
 * new files, and fast-import would hash each copy again only to find it has the object.
 */
function importStream(commits: readonly GitCommit[], committer: string): Buffer {
  const chunks: Buffer[] = [Buffer.from('feature done\n')];
  // Contents by length: only a blob of the same length can be the same, and comparing bytes is cheaper than hashing them.
  const blobs = new Map<number, { content: Buffer; mark: number }[]>();
  let marks = 0;
  const blobMark = (content: Buffer): number => {
    const sameLength = blobs.get(content.length) ?? [];
    const known = sameLength.find((blob) => blob.content.equals(content));
    if (known) return known.mark;
    marks += 1;
    sameLength.push({ content, mark: marks });
    blobs.set(content.length, sameLength);
    chunks.push(Buffer.from(`blob\nmark :${marks}\n`), ...data(content));
    return marks;
  };
  for (const commit of commits) {
    const files = commit.tree.changes().map((change) => (change.after ? `M ${gitMode(change.after.mode)} :${blobMark(change.after.content)} ${quote(change.path)}\n` : `D ${quote(change.path)}\n`));
    marks += 1;
    chunks.push(Buffer.from(`reset ${commit.ref}\ncommit ${commit.ref}\nmark :${marks}\ncommitter ${committer} now\n`), ...data(commit.message));
    chunks.push(Buffer.from(`${commit.parent ? `from ${commit.parent}\n` : ''}${files.join('')}get-mark :${marks}\n`));
  }
  chunks.push(Buffer.from('done\n'));
  return Buffer.concat(chunks);
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
  const stdout = await fastImport(['-c', 'fastimport.unpackLimit=1', 'fast-import', '--quiet', '--date-format=now', '--depth=0'], importStream(commits, committer));
  const oids = stdout.toString('utf8').split('\n').filter(Boolean);
  if (oids.length !== commits.length) throw new Error(`git fast-import wrote ${oids.length} of ${commits.length} commits.`);
  return oids;
}
