/**
 * A commit's files, read through an {@link ObjectReader}: trees are parsed level by level, each level's
 * subtrees and blobs asked for in one pipelined write, so a whole project costs a few round trips.
 */
import { fileMode, parseTree, TREE_MODE, Tree, type TreeEntry } from '@ai-factory/tree';
import type { ObjectReader } from './object-reader.js';

/** Submodules point at commits of other repositories: not files of this project. */
const GITLINK_MODE = '160000';

/**
 * Every file of `treeish` (a commit or tree name) with its mode, as the base of a tree.
 * @example (await readSnapshot(reader, 'HEAD')).read('package.json', 'utf8')
 */
export async function readSnapshot(reader: ObjectReader, treeish: string): Promise<Tree> {
  const root = await reader.read(`${treeish}^{tree}`);
  if (!root) throw new Error(`${treeish} names no tree in ${reader.dir}.`);
  const oidBytes = root.oid.length / 2;
  const files: [string, TreeEntry][] = [];
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
      else files.push([entry.path, { content: object.content, mode: fileMode(entry.mode) }]);
    });
  }
  return new Tree(files);
}
