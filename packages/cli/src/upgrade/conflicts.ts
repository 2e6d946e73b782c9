/**
 * Leaves the merge result, conflict markers included, in the working tree for the team to resolve. Git
 * itself writes the files (`git read-tree -u`), so links stay links, nothing is written through one, and
 * a file in the way that git does not track stops the write instead of being overwritten.
 */
import { existsSync, readdirSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Repository } from '../git/repository.js';
import { UpgradeError } from './report.js';

/** The folders `paths` need that the working tree does not have yet, deepest first. */
function missingFolders(dir: string, paths: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const path of paths) for (let folder = dirname(path); folder !== '.' && !existsSync(join(dir, folder)); folder = dirname(folder)) folders.add(folder);
  return [...folders].sort((a, b) => b.length - a.length);
}

/**
 * Puts back what {@link writeConflicts} wrote: tracked files as HEAD has them, the files it added
 * removed, and the folders it made for them.
 */
async function restore(git: Repository, added: readonly string[], made: readonly string[]): Promise<void> {
  await git.run(['read-tree', '--reset', '-u', 'HEAD']);
  // Literal paths: a name with `*` in it must not match anything else.
  if (added.length > 0) await git.run(['--literal-pathspecs', 'clean', '--quiet', '--force', '-x', '--', ...added]);
  for (const folder of made) if (existsSync(join(git.dir, folder)) && readdirSync(join(git.dir, folder)).length === 0) rmdirSync(join(git.dir, folder));
}

/**
 * Makes the working tree hold `tree` (the upgrade with its markers) while the index stays at HEAD: the
 * changes appear as uncommitted work. `added` are the paths the tree has and HEAD does not. On failure,
 * puts everything back.
 */
export async function writeConflicts(git: Repository, tree: string, added: readonly string[]): Promise<void> {
  const made = missingFolders(git.dir, added);
  try {
    await git.run(['read-tree', '-m', '-u', 'HEAD', tree]);
    // The index back to HEAD, keeping what it knows of unchanged files; unlike `git reset`, no ORIG_HEAD.
    await git.run(['read-tree', '-m', 'HEAD']);
  } catch (error) {
    await restore(git, added, made).catch(() => undefined);
    throw new UpgradeError('io', `Cannot write the merge result to the working tree: ${(error as Error).message}`);
  }
}
