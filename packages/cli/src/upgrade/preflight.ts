/**
 * The checks every change the factory prepares on a branch starts with (an upgrade, `add`, `remove`,
 * `eject`): a repository with a commit and a valid manifest, no git operation waiting, a clean tree.
 */
import { statSync } from 'node:fs';
import type { Manifest } from '@ai-factory/engine';
import type { Tree } from '@ai-factory/tree';
import { ObjectReaderError } from '../git/object-reader.js';
import type { Repository } from '../git/repository.js';
import { readManifest } from './manifest.js';
import { UpgradeError } from './report.js';

/** HEAD, its files and its manifest, validated. */
export async function openProject(git: Repository): Promise<{ head: string; ours: Tree; manifest: Manifest }> {
  const { dir } = git;
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UpgradeError('not-a-repository', `${dir} is not a directory.`);
  const [head] = await git.resolve(['HEAD']).catch((error: unknown) => {
    if (error instanceof ObjectReaderError) throw new UpgradeError('not-a-repository', `${dir} is not a git repository: ${error.stderr.trim() || error.message}`);
    throw error;
  });
  if (!head) throw new UpgradeError('not-a-repository', `${dir} has no commit yet.`);
  const ours = await git.snapshot(head);
  return { head, ours, manifest: readManifest(ours) };
}

/**
 * Stops on an operation in progress or uncommitted changes, except on `branch` itself: there, they are
 * the conflicts an earlier run left, not yet resolved, and the result is true.
 */
export async function conflictsWaiting(git: Repository, branch: string, rerun: string): Promise<boolean> {
  const inProgress = await git.operationInProgress();
  if (inProgress) throw new UpgradeError('operation-in-progress', `${inProgress.operation} is in progress here: finish it (${inProgress.end}), then run ${rerun} again.`);
  const dirty = await git.status();
  const waiting = dirty.length > 0 && (await git.currentBranch()) === `refs/heads/${branch}`;
  if (dirty.length > 0 && !waiting) throw new UpgradeError('dirty', `The working tree has uncommitted changes (${dirty.slice(0, 3).join('; ')}): commit or stash them first.`);
  return waiting;
}
