/**
 * The commits an upgrade writes, as change sets on their parents, and the check that a branch already
 * holds an upgrade.
 */
import { gitMode, Tree, type FileMode, type GitCommit } from '@ai-factory/tree';
import { snapshotTree, type Snapshot } from '../git/trees.js';
import type { UpgradeTarget } from './render.js';

/** What a commit on the team's HEAD needs of a target: an eject, which renders nothing, has no more. */
export type CommitTarget = Pick<UpgradeTarget, 'changes' | 'executable' | 'codemodsApplied'>;

/** The mode the new render gives a path. */
const renderMode = (target: Pick<UpgradeTarget, 'executable'>, path: string): FileMode => (target.executable.has(path) ? 'executable' : 'file');

/**
 * The new version's pristine render as a commit on the previous one, holding just what changed between
 * the two: only the blobs and folders that are new are stored, not a whole project per upgrade.
 */
export function pristineCommit(to: string, previous: { oid: string; snapshot: Snapshot } | undefined, target: UpgradeTarget): GitCommit {
  const tree = previous ? snapshotTree(previous.snapshot) : new Tree();
  for (const path of tree.list()) if (!target.pristine.has(path)) tree.delete(path);
  for (const [path, content] of target.pristine) tree.write(path, content, renderMode(target, path));
  return { tree, message: `AI Factory ${to}: pristine render`, ...(previous ? { parent: previous.oid } : {}) };
}

/**
 * The upgrade on the team's HEAD. A file the team has keeps its mode (executable or not); a new file, or
 * one that was a link and becomes a file, gets the render's.
 */
export function upgradeCommit(head: Snapshot & { oid: string }, target: CommitTarget, to: string): GitCommit {
  const tree = snapshotTree(head);
  for (const [path, content] of target.changes) {
    if (content === null) tree.delete(path);
    else {
      const ours = tree.mode(path);
      tree.write(path, content, ours === 'file' || ours === 'executable' ? ours : renderMode(target, path));
    }
  }
  return { parent: head.oid, tree, message: `Upgrade to AI Factory ${to}\n\nCodemods: ${target.codemodsApplied.join(', ') || 'none'}` };
}

/** HEAD's files and modes with an upgrade's changes applied: what its commit holds. */
export function upgradedSnapshot(head: Snapshot, target: CommitTarget, to: string): Snapshot {
  const entries = upgradeCommit({ ...head, oid: '' }, target, to).tree.entries();
  return { files: new Map(entries.map(([path, entry]) => [path, entry.content])), modes: new Map(entries.map(([path, entry]) => [path, gitMode(entry.mode)])) };
}

export const sameSnapshot = (a: Snapshot, b: Snapshot) => a.files.size === b.files.size && [...a.files].every(([path, content]) => b.files.get(path)?.equals(content) && a.modes.get(path) === b.modes.get(path));
