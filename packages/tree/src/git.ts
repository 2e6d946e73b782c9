/**
 * The one place a tree becomes git objects: `flushToGit` writes trees' changes as blobs, trees and commits
 * into one pack. Which repository receives it, and how its existing objects are read, is the caller's
 * business, so this package runs no git of its own.
 */
import { objectId, parseTree, serializeTree, TREE_MODE, type GitObject, type GitTreeEntry, type ObjectFormat, type ObjectType } from './git-objects.js';
import { packObjects, type Pack } from './git-pack.js';
import type { FileMode, Tree } from './tree.js';

export interface GitCommit {
  /**
   * The commit's files as changes on its parent's: the tree's `changes()` are written over the parent's
   * tree, and a file of the parent the tree does not change is kept. Without a parent, the tree's base is
   * to be empty.
   */
  tree: Tree;
  /** The parent commit's oid; it may be a commit written earlier in the same flush. */
  parent?: string;
  message: string;
}

/** The repository a flush writes into. */
export interface ObjectDatabase {
  format: ObjectFormat;
  /** An object the repository has (a parent commit, its trees), or undefined. */
  read(oid: string): Promise<Pick<GitObject, 'type' | 'content'> | undefined>;
  /** Stores a pack and its index, the index last: git finds a pack by its index. */
  writePack(pack: Pack): void | Promise<void>;
}

const GIT_MODES: Record<FileMode, string> = { file: '100644', executable: '100755', symlink: '120000' };

/** The git mode of an entry (`100644`, `100755`, `120000`). */
export const gitMode = (mode: FileMode): string => GIT_MODES[mode];

/** The entry mode of a git file mode; any mode but an executable's or a link's is a plain file's. */
export const fileMode = (mode: string): FileMode => (mode === '100755' ? 'executable' : mode === '120000' ? 'symlink' : 'file');

/** A commit's changes, folder by folder: a file's new entry or null to delete it, and the subfolders changed. */
interface FolderChanges {
  files: Map<string, Omit<GitTreeEntry, 'name'> | null>;
  folders: Map<string, FolderChanges>;
}

const emptyFolder = (): FolderChanges => ({ files: new Map(), folders: new Map() });

/** git's committer line: `Name <email> <seconds since the epoch> <+hhmm>`, in the local time zone as git writes it. */
function signature(identity: string, now: Date): string {
  const offset = -now.getTimezoneOffset();
  const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  return `${identity} ${Math.floor(now.getTime() / 1000)} ${zone}`;
}

/** The objects of one flush: what it makes, and what it reads of the repository's. */
class Flush {
  readonly made = new Map<string, GitObject>();

  constructor(readonly database: ObjectDatabase) {}

  make(type: ObjectType, content: Buffer): string {
    const oid = objectId(type, content, this.database.format);
    if (!this.made.has(oid)) this.made.set(oid, { type, oid, content });
    return oid;
  }

  async read(oid: string, type: ObjectType): Promise<Buffer> {
    const object = this.made.get(oid) ?? (await this.database.read(oid));
    if (object?.type !== type) throw new Error(`The repository has no ${type} ${oid}.`);
    return object.content;
  }

  /** The folder `tree` (absent: an empty one) with `changes` applied; undefined when nothing is left in it. */
  async folder(tree: string | undefined, changes: FolderChanges): Promise<string | undefined> {
    const oidBytes = this.database.format === 'sha256' ? 32 : 20;
    const entries = new Map(tree ? parseTree(await this.read(tree, 'tree'), oidBytes).map((entry) => [entry.name, entry]) : []);
    for (const [name, entry] of changes.files) {
      if (entry) entries.set(name, { name, ...entry });
      else entries.delete(name);
    }
    for (const [name, folder] of changes.folders) {
      const existing = entries.get(name);
      const oid = await this.folder(existing?.mode === TREE_MODE ? existing.oid : undefined, folder);
      // git keeps no empty folders; a file of that name stays unless the changes replaced it.
      if (oid) entries.set(name, { name, mode: TREE_MODE, oid });
      else if (existing?.mode === TREE_MODE) entries.delete(name);
    }
    return entries.size === 0 ? undefined : this.make('tree', serializeTree(entries.values()));
  }
}

function folderChanges(tree: Tree, flush: Flush): FolderChanges {
  const root = emptyFolder();
  for (const change of tree.changes()) {
    const names = change.path.split('/');
    const file = names.pop()!;
    let folder = root;
    for (const name of names) {
      let next = folder.folders.get(name);
      if (!next) folder.folders.set(name, (next = emptyFolder()));
      folder = next;
    }
    folder.files.set(file, change.after ? { mode: gitMode(change.after.mode), oid: flush.make('blob', change.after.content) } : null);
  }
  return root;
}

/**
 * Writes `commits` in order, as one pack, and returns their oids; moves no ref. A commit may name an
 * earlier one of the same flush as its parent. Author and committer are `committer` (`Name <email>`), now.
 * @example const [oid] = await flushToGit([{ tree, parent: head, message: 'x' }], 'Bot <bot@example.com>', database);
 */
export async function flushToGit(commits: readonly GitCommit[], committer: string, database: ObjectDatabase, now = new Date()): Promise<string[]> {
  if (commits.length === 0) return [];
  if (!/^[^<>\n]* <[^<>\n]*>$/.test(committer)) throw new Error(`Not a committer identity: ${committer}`);
  const flush = new Flush(database);
  const signed = signature(committer, now);
  const oids: string[] = [];
  for (const commit of commits) {
    const parentTree = commit.parent ? /^tree ([0-9a-f]+)$/m.exec((await flush.read(commit.parent, 'commit')).toString('utf8'))?.[1] : undefined;
    if (commit.parent && !parentTree) throw new Error(`Commit ${commit.parent} names no tree.`);
    const tree = (await flush.folder(parentTree, folderChanges(commit.tree, flush))) ?? flush.make('tree', Buffer.alloc(0));
    const header = `tree ${tree}\n${commit.parent ? `parent ${commit.parent}\n` : ''}author ${signed}\ncommitter ${signed}\n\n`;
    oids.push(flush.make('commit', Buffer.from(header + commit.message, 'utf8')));
  }
  await database.writePack(packObjects([...flush.made.values()], database.format));
  return oids;
}
