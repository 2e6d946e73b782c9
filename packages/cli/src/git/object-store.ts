/**
 * Stores packs of new objects in a repository's objects directory, and nothing else: the repository's refs
 * are moved afterwards, all in one transaction (see `updateRefs`), so objects of a run that fails are left
 * unreferenced, for git's gc to remove.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ObjectFormat, Pack } from '@ai-factory/tree';

/** Where a repository keeps its objects, and how it names them. */
export interface ObjectStore {
  /** Absolute path of the objects directory. */
  objects: string;
  format: ObjectFormat;
}

/** Writes `bytes` to `path` and flushes them to the disk, as git does with the packs it writes. */
function writeSynced(path: string, bytes: Buffer): void {
  const fd = openSync(path, 'wx', 0o444);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts `pack` in the store: each file written under a temporary name and renamed, the index last, so git
 * never sees a pack it cannot read. A pack the store already has is left as it is.
 * @example storePack({ objects: join(dir, '.git', 'objects'), format: 'sha1' }, packObjects(objects, 'sha1'));
 */
export function storePack(store: ObjectStore, pack: Pack): void {
  const folder = join(store.objects, 'pack');
  const final = (extension: string) => join(folder, `pack-${pack.name}.${extension}`);
  if (existsSync(final('idx'))) return;
  mkdirSync(folder, { recursive: true });
  // git's own prefix for packs being written: its gc removes any a crash leaves behind.
  const temporary = (extension: string) => join(folder, `tmp_pack_${process.pid}_${pack.name.slice(0, 12)}.${extension}`);
  try {
    writeSynced(temporary('pack'), pack.pack);
    writeSynced(temporary('idx'), pack.index);
    renameSync(temporary('pack'), final('pack'));
    renameSync(temporary('idx'), final('idx'));
  } catch (error) {
    for (const extension of ['pack', 'idx']) rmSync(temporary(extension), { force: true });
    throw error;
  }
}
