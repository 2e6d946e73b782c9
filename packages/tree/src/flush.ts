/**
 * The one place a tree reaches a folder. `flushToDirectory` stages everything in a folder beside the target
 * and renames it into place at the end, so a failure or Ctrl-C leaves the target as it was.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeNewEntry } from './directory.js';
import type { Tree } from './tree.js';

/** A flush that failed, `finish` included (its error is the `cause`): the target is left as it was. */
export class FlushError extends Error {}

/** Writes every file of the tree under `dir` (created as needed, and holding none of them yet), with its mode; not atomic. */
export function writeFiles(tree: Tree, dir: string): void {
  // One mkdir per folder, not per file: a project has a hundred files in a few dozen folders.
  const made = new Set<string>();
  const ensureFolder = (folder: string) => {
    if (made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  };
  // The folder is new, so nothing needs removing first.
  for (const [path, entry] of tree.entries()) writeNewEntry(join(dir, path), entry, ensureFolder);
}

export interface FlushOptions {
  /** Runs in the staging folder after the files are written and before it moves into place (e.g. `git init`). */
  finish?: (dir: string) => Promise<void>;
}

/**
 * Writes the tree to `target`, which must not exist or be an empty folder, all at once; every failure is a
 * {@link FlushError}.
 * @example await flushToDirectory(tree, '/work/demo', { finish: (dir) => initGit(dir) });
 */
export async function flushToDirectory(tree: Tree, target: string, options: FlushOptions = {}): Promise<void> {
  let staging: string;
  try {
    staging = mkdtempSync(join(dirname(target), `.${basename(target)}.tmp-`));
  } catch (error) {
    throw new FlushError(`Cannot write in ${dirname(target)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  const cleanUp = () => rmSync(staging, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    writeFiles(tree, staging);
    await options.finish?.(staging);
    // rename(2) replaces an empty directory, and fails on a non-empty one, which is the check we want.
    renameSync(staging, target);
  } catch (error) {
    cleanUp();
    throw new FlushError(`Cannot create ${target}: ${(error as Error).message}`, { cause: error });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
