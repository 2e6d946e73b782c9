/**
 * The one place that writes a virtual tree to disk. A run renders into a temporary folder beside the
 * target and renames it into place at the end, so a failure or Ctrl-C leaves nothing behind.
 */
import { chmodSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FactoryError } from './errors.js';
import type { VirtualTree } from './tree.js';

/** Writes every file of the tree under `dir`. */
export function flushTree(tree: VirtualTree, dir: string): void {
  // One mkdir per folder, not per file: a project has a hundred files in a few dozen folders.
  const made = new Set<string>();
  for (const [path, file] of tree.entries()) {
    const target = join(dir, path);
    const parent = dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(target, file.content);
    if (file.executable) chmodSync(target, 0o755);
  }
}

export interface AtomicWriteOptions {
  /** Runs in the temporary folder after the files are written and before it moves into place (e.g. `git init`). */
  finish?: (dir: string) => Promise<void>;
}

/**
 * Writes the tree to `target`, which must not exist or be an empty folder, all at once.
 * @example await writeTreeAtomically(tree, '/work/demo', { finish: (dir) => initGit(dir) });
 */
export async function writeTreeAtomically(tree: VirtualTree, target: string, options: AtomicWriteOptions = {}): Promise<void> {
  let staging: string;
  try {
    staging = mkdtempSync(join(dirname(target), `.${basename(target)}.tmp-`));
  } catch (error) {
    throw new FactoryError('io', `Cannot write in ${dirname(target)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  const cleanUp = () => rmSync(staging, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    flushTree(tree, staging);
    await options.finish?.(staging);
    // rename(2) replaces an empty directory, and fails on a non-empty one, which is the check we want.
    renameSync(staging, target);
  } catch (error) {
    cleanUp();
    if (error instanceof FactoryError) throw error;
    throw new FactoryError('io', `Cannot create ${target}: ${(error as Error).message}`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** What a dry run prints: one line per file, exactly the files a real run writes. */
export function describeTree(tree: VirtualTree): string[] {
  return tree.entries().map(([path, file]) => `${(file.owner ?? 'factory').padEnd(8)} ${String(file.content.length).padStart(7)} B  ${path}`);
}
