/**
 * The commits an upgrade writes, as change sets for fast-import, and the check that a branch already
 * holds an upgrade.
 */
import type { CommitSpec } from '../git/fast-import.js';
import type { Snapshot } from '../git/trees.js';
import { applyTo, type UpgradeTarget } from './render.js';

/** What a commit on the team's HEAD needs of a target: an eject, which renders nothing, has no more. */
export type CommitTarget = Pick<UpgradeTarget, 'changes' | 'executable' | 'codemodsApplied'>;

/** The mode the new render gives a path. */
const renderMode = (target: Pick<UpgradeTarget, 'executable'>, path: string) => (target.executable.has(path) ? '100755' : '100644');
const REGULAR = new Set(['100644', '100755']);

/**
 * The new version's pristine render as a commit on the previous one, holding just what changed between
 * the two: fast-import then stores only the blobs that are new, not a whole project per upgrade.
 */
export function pristineCommit(to: string, previous: { oid: string; snapshot: Snapshot } | undefined, target: UpgradeTarget): CommitSpec {
  const mode = (path: string) => renderMode(target, path);
  const spec = { modes: new Map([...target.pristine.keys()].map((path) => [path, mode(path)])), message: `AI Factory ${to}: pristine render` };
  if (!previous) return { ...spec, tree: 'empty', changes: target.pristine };
  const { files, modes } = previous.snapshot;
  const changes = new Map<string, Buffer | null>([...files.keys()].filter((path) => !target.pristine.has(path)).map((path) => [path, null]));
  for (const [path, content] of target.pristine) if (!files.get(path)?.equals(content) || modes.get(path) !== mode(path)) changes.set(path, content);
  return { ...spec, parent: previous.oid, changes };
}

/**
 * The upgrade on the team's HEAD. A file the team has keeps its mode (executable or not); a new file, or
 * one that was a link and becomes a file, gets the render's.
 */
export function upgradeCommit(head: Snapshot & { oid: string }, target: CommitTarget, to: string): CommitSpec {
  const mode = (path: string) => {
    const ours = head.modes.get(path);
    return ours !== undefined && REGULAR.has(ours) ? ours : renderMode(target, path);
  };
  const modes = new Map([...target.changes.keys()].map((path) => [path, mode(path)]));
  return { parent: head.oid, changes: target.changes, modes, message: `Upgrade to AI Factory ${to}\n\nCodemods: ${target.codemodsApplied.join(', ') || 'none'}` };
}

/** HEAD's files and modes with an upgrade's changes applied: what its commit holds. */
export function upgradedSnapshot(head: Snapshot, target: CommitTarget, to: string): Snapshot {
  const changedModes = upgradeCommit({ ...head, oid: '' }, target, to).modes!;
  const modes = new Map(head.modes);
  for (const [path, content] of target.changes) {
    if (content === null) modes.delete(path);
    else modes.set(path, changedModes.get(path)!);
  }
  return { files: applyTo(head.files, target.changes), modes };
}

export const sameSnapshot = (a: Snapshot, b: Snapshot) => a.files.size === b.files.size && [...a.files].every(([path, content]) => b.files.get(path)?.equals(content) && a.modes.get(path) === b.modes.get(path));
