/** A folder as the base of a tree, and a tree's changes written back into it. */
import { chmodSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Tree, TreeChange, TreeEntry } from './tree.js';

/** The entries of those `paths` that exist under `dir`, with their modes: the base of a tree over the folder. */
export function readDirectory(dir: string, paths: Iterable<string>): [string, TreeEntry][] {
  return [...paths].flatMap((path): [string, TreeEntry][] => {
    const file = join(dir, path);
    const stat = lstatSync(file, { throwIfNoEntry: false });
    if (!stat) return [];
    if (stat.isSymbolicLink()) return [[path, { content: Buffer.from(readlinkSync(file)), mode: 'symlink' }]];
    return stat.isFile() ? [[path, { content: readFileSync(file), mode: stat.mode & 0o111 ? 'executable' : 'file' }]] : [];
  });
}

const makeFolder = (dir: string): void => void mkdirSync(dir, { recursive: true });

/** Writes one entry at `file`, where nothing is yet; `ensureFolder` creates its folder. */
export function writeNewEntry(file: string, { content, mode }: TreeEntry, ensureFolder = makeFolder): void {
  ensureFolder(dirname(file));
  if (mode === 'symlink') symlinkSync(content.toString('utf8'), file);
  else writeFileSync(file, content);
  if (mode === 'executable') chmodSync(file, 0o755);
}

/** Writes one entry at `file`, replacing what is there (a file, or a link, which must not be followed). */
function writeEntry(file: string, entry: TreeEntry): void {
  rmSync(file, { force: true });
  writeNewEntry(file, entry);
}

/** Writes the tree's changes into `dir` in place (not atomic) and returns them. */
export function flushChanges(tree: Tree, dir: string): TreeChange[] {
  const changes = tree.changes();
  for (const change of changes) {
    if (change.after) writeEntry(join(dir, change.path), change.after);
    else rmSync(join(dir, change.path), { force: true });
  }
  return changes;
}
