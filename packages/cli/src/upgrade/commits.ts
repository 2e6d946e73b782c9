/**
 * The commits an upgrade writes, as change sets on their parents, and the check that a branch already
 * holds an upgrade.
 */
import { Tree, type FileMode, type GitCommit } from '@ai-factory/tree';
import type { UpgradeTarget } from './render.js';

/** What a commit on the team's HEAD needs of a target: an eject, which renders nothing, has an empty pristine. */
export type CommitTarget = Pick<UpgradeTarget, 'changes' | 'pristine' | 'codemodsApplied'>;

/** The mode the new render gives a path. */
const renderMode = (target: Pick<UpgradeTarget, 'pristine'>, path: string): FileMode => (target.pristine.mode(path) === 'executable' ? 'executable' : 'file');

/**
 * The new version's pristine render as a commit on the previous one, holding just what changed between
 * the two: only the blobs and folders that are new are stored, not a whole project per upgrade.
 */
export function pristineCommit(to: string, previous: { oid: string; snapshot: Tree } | undefined, target: UpgradeTarget): GitCommit {
  const tree = previous ? previous.snapshot.fork() : new Tree();
  for (const path of tree.list()) if (!target.pristine.exists(path)) tree.delete(path);
  for (const [path, { content }] of target.pristine.entries()) tree.write(path, content, renderMode(target, path));
  return { tree, message: `AI Factory ${to}: pristine render`, ...(previous ? { parent: previous.oid } : {}) };
}

/**
 * HEAD's files with an upgrade's changes applied: what its commit holds. A file the team has keeps its
 * mode (executable or not); a new file, or one that was a link and becomes a file, gets the render's.
 */
export function upgradedTree(head: Tree, target: CommitTarget): Tree {
  const tree = head.fork();
  for (const [path, content] of target.changes) {
    if (content === null) tree.delete(path);
    else {
      const ours = tree.mode(path);
      tree.write(path, content, ours === 'file' || ours === 'executable' ? ours : renderMode(target, path));
    }
  }
  return tree;
}

/** The upgrade as a commit on the team's HEAD, `oid`. */
export function upgradeCommit(head: Tree, oid: string, target: CommitTarget, to: string): GitCommit {
  return { parent: oid, tree: upgradedTree(head, target), message: `Upgrade to AI Factory ${to}\n\nCodemods: ${target.codemodsApplied.join(', ') || 'none'}` };
}

/** True when two trees hold the same files with the same modes. */
export function sameFiles(a: Tree, b: Tree): boolean {
  const [left, right] = [a.entries(), b.entries()];
  return left.length === right.length && left.every(([path, entry], i) => {
    const [otherPath, other] = right[i]!;
    return path === otherPath && entry.mode === other.mode && entry.content.equals(other.content);
  });
}
