/**
 * The commits an upgrade writes, as change sets for fast-import, and the check that a branch already
 * holds an upgrade.
 */
import { pristineRef } from '@ai-factory/engine';
import type { CommitSpec } from '../git/fast-import.js';
import type { FileMap, Snapshot } from '../git/trees.js';
import type { UpgradeTarget } from './render.js';

/** The mode the new render gives a path. */
const renderMode = (target: UpgradeTarget, path: string) => (target.executable.has(path) ? '100755' : '100644');

/**
 * The new version's pristine render as a commit on the previous one, holding just what changed between
 * the two: fast-import then stores only the blobs that are new, not a whole project per upgrade.
 */
export function pristineCommit(to: string, previous: { oid: string; snapshot: Snapshot } | undefined, target: UpgradeTarget): CommitSpec {
  const mode = (path: string) => renderMode(target, path);
  const spec = { ref: pristineRef(to), modes: new Map([...target.pristine.keys()].map((path) => [path, mode(path)])), message: `AI Factory ${to}: pristine render` };
  if (!previous) return { ...spec, tree: 'empty', changes: target.pristine };
  const { files, modes } = previous.snapshot;
  const changes = new Map<string, Buffer | null>([...files.keys()].filter((path) => !target.pristine.has(path)).map((path) => [path, null]));
  for (const [path, content] of target.pristine) if (!files.get(path)?.equals(content) || modes.get(path) !== mode(path)) changes.set(path, content);
  return { ...spec, parent: previous.oid, changes };
}

/** The upgrade on the team's HEAD. A file the team has keeps its mode; a new one gets the render's. */
export function upgradeCommit(branch: string, head: Snapshot & { oid: string }, target: UpgradeTarget, to: string): CommitSpec {
  const modes = new Map([...target.changes.keys()].map((path) => [path, head.modes.get(path) ?? renderMode(target, path)]));
  return { ref: `refs/heads/${branch}`, parent: head.oid, changes: target.changes, modes, message: `Upgrade to AI Factory ${to}\n\nCodemods: ${target.codemodsApplied.join(', ') || 'none'}` };
}

/** HEAD's files with an upgrade's changes applied. */
export function applyChanges(ours: FileMap, changes: Map<string, Buffer | null>): FileMap {
  const files = new Map(ours);
  for (const [path, content] of changes) {
    if (content === null) files.delete(path);
    else files.set(path, content);
  }
  return files;
}

export const sameFiles = (a: FileMap, b: FileMap) => a.size === b.size && [...a].every(([path, content]) => b.get(path)?.equals(content));
