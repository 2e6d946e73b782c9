/**
 * Git's object format, as `git hash-object` and `git mktree` write it: an object's id is the hash of
 * `<type> <size>\0<content>`, and a tree's content is its entries sorted the way git sorts them.
 */
import { createHash } from 'node:crypto';

/** How a repository names its objects (`extensions.objectformat`). */
export type ObjectFormat = 'sha1' | 'sha256';

export type ObjectType = 'blob' | 'tree' | 'commit' | 'tag';

export interface GitObject {
  type: ObjectType;
  oid: string;
  content: Buffer;
}

export interface GitTreeEntry {
  /** `100644`, `100755`, `120000`, `160000`, or `40000` for a subtree. */
  mode: string;
  name: string;
  oid: string;
}

export const TREE_MODE = '40000';

/** A new hash of the repository's format; `update` it, `digest` it. */
export const objectHash = (format: ObjectFormat) => createHash(format);

/** The id git gives an object of this type and content. */
export function objectId(type: ObjectType, content: Buffer, format: ObjectFormat): string {
  return objectHash(format).update(`${type} ${content.length}\0`).update(content).digest('hex');
}

/** Entries of a raw tree object: `<mode> <name>\0<binary oid>` repeated. */
export function parseTree(content: Buffer, oidBytes: number): GitTreeEntry[] {
  const entries = [];
  let offset = 0;
  while (offset < content.length) {
    const space = content.indexOf(0x20, offset);
    const nul = content.indexOf(0, space);
    entries.push({
      mode: content.toString('utf8', offset, space),
      name: content.toString('utf8', space + 1, nul),
      oid: content.toString('hex', nul + 1, nul + 1 + oidBytes),
    });
    offset = nul + 1 + oidBytes;
  }
  return entries;
}

/** Git orders a tree's entries by their names' bytes, a subtree's name as if it ended in `/`. */
const sortKey = (entry: GitTreeEntry) => Buffer.from(entry.mode === TREE_MODE ? `${entry.name}/` : entry.name, 'utf8');

/** The content of a tree object holding `entries`, in git's order. */
export function serializeTree(entries: Iterable<GitTreeEntry>): Buffer {
  const sorted = [...entries].map((entry) => ({ entry, key: sortKey(entry) })).sort((a, b) => Buffer.compare(a.key, b.key));
  return Buffer.concat(sorted.flatMap(({ entry }) => [Buffer.from(`${entry.mode} ${entry.name}\0`, 'utf8'), Buffer.from(entry.oid, 'hex')]));
}
