import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Repository } from '../git/repository.js';
import { UpgradeError } from './report.js';

/** Leaves the merge result, conflict markers included, on the upgrade branch for the team to resolve. */
export async function writeConflicts(git: Repository, branch: string, head: string, changes: Map<string, Buffer | null>): Promise<void> {
  // Where to go back to: the current branch, or the commit itself when HEAD is detached.
  const original = (await git.run(['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => head)).trim();
  await git.run(['checkout', '--quiet', '-b', branch]);
  try {
    for (const [path, content] of changes) {
      const file = join(git.dir, path);
      if (content === null) rmSync(file, { force: true });
      else {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
    }
  } catch (error) {
    // Put everything back: tracked files from HEAD, new files removed, the branch gone.
    await git.run(['checkout', '--quiet', '--force', original]);
    await git.run(['clean', '--quiet', '--force', '--', ...[...changes.keys()]]);
    await git.run(['branch', '--quiet', '-D', branch]);
    throw new UpgradeError('io', `Cannot write the merge result: ${(error as Error).message}`);
  }
}
