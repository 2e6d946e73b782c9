/**
 * A commit's files, read through an {@link ObjectReader}: trees are parsed level by level, each level's
 * subtrees and blobs asked for in one pipelined write, so a whole project costs a few round trips.
 */
import { fileMode, parseTree, TREE_MODE, Tree } from '@ai-factory/tree';
import type { ObjectReader } from './object-reader.js';

/** A tree as path → content; `null` marks a deleted file in a change set. */
export type FileMap = Map<string, Buffer>;

export interface Snapshot {
  files: FileMap;
  /** Each file's git mode (`100644`, `100755`, `120000`). */
  modes: Map<string, string>;
}

/** Submodules point at commits of other repositories: not files of this project. */
const GITLINK_MODE = '160000';

/**
 * Every file of `treeish` (a commit or tree name), with its mode.
 * @example const { files } = await readSnapshot(reader, 'HEAD');
 */
export async function readSnapshot(reader: ObjectReader, treeish: string): Promise<Snapshot> {
  const root = await reader.read(`${treeish}^{tree}`);
  if (!root) throw new Error(`${treeish} names no tree in ${reader.dir}.`);
  const oidBytes = root.oid.length / 2;
  const snapshot: Snapshot = { files: new Map(), modes: new Map() };
  let level = [{ prefix: '', content: root.content }];
  while (level.length > 0) {
    const entries = level.flatMap(({ prefix, content }) =>
      parseTree(content, oidBytes)
        .filter((entry) => entry.mode !== GITLINK_MODE)
        .map((entry) => ({ ...entry, path: `${prefix}${entry.name}` })),
    );
    const objects = await reader.readAll(entries.map((entry) => entry.oid));
    level = [];
    entries.forEach((entry, i) => {
      const object = objects[i];
      if (!object) throw new Error(`Object ${entry.oid} (${entry.path}) is missing from ${reader.dir}.`);
      if (entry.mode === TREE_MODE) level.push({ prefix: `${entry.path}/`, content: object.content });
      else {
        snapshot.files.set(entry.path, object.content);
        snapshot.modes.set(entry.path, entry.mode);
      }
    });
  }
  return snapshot;
}

/** A snapshot as a tree to commit changes on: its files, with their modes, are the base. */
export const snapshotTree = (snapshot: Snapshot): Tree => Tree.fromFiles(snapshot.files, (path) => fileMode(snapshot.modes.get(path)!));
