/**
 * What an upgrade does to each template-owned file, given three versions of it: base (the pristine render
 * of the project's current factory version), ours (the team's file) and theirs (the new render).
 */
import type { MergeResult } from './merge.js';

export type Outcome =
  /** Nothing to do: the team's file already is what the upgrade would make it. */
  | 'unchanged'
  /** The team never edited it: it becomes the new render. */
  | 'updated'
  /** Both changed it: the team's edits and the factory's were merged cleanly. */
  | 'merged'
  /** Both changed the same lines: the file holds conflict markers. */
  | 'conflict'
  /** New in this factory version. */
  | 'added'
  /** Dropped by this factory version, and the team had not edited it. */
  | 'removed'
  /** Dropped by this factory version, but kept because the team edited it. */
  | 'kept'
  /** The team deleted it: it stays deleted. */
  | 'deleted-by-team'
  /** The team replaced it by a symbolic link and the factory changed it: the link stays, never followed. */
  | 'kept-link';

export interface PlannedFile {
  path: string;
  outcome: Outcome;
  /** The file's new content; null when it is (or stays) absent. */
  content: Buffer | null;
}

export type Merge = (path: string, versions: { base: Buffer; ours: Buffer; theirs: Buffer }) => MergeResult;

const EMPTY = Buffer.alloc(0);

function planOne(path: string, base: Buffer | undefined, ours: Buffer | undefined, theirs: Buffer | undefined, merge: Merge, link: boolean): PlannedFile {
  const plan = (outcome: Outcome, content: Buffer | null | undefined): PlannedFile => ({ path, outcome, content: content ?? null });
  // A link's content is where it points, not a version of the file: there is nothing to merge into it.
  if (link && ours !== undefined) return theirs === undefined || base?.equals(theirs) ? plan('unchanged', ours) : plan('kept-link', ours);
  if (theirs === undefined) {
    if (ours === undefined) return plan('deleted-by-team', null);
    return base !== undefined && ours.equals(base) ? plan('removed', null) : plan('kept', ours);
  }
  if (ours === undefined) return base === undefined ? plan('added', theirs) : plan('deleted-by-team', null);
  if (ours.equals(theirs)) return plan('unchanged', ours);
  if (base !== undefined && ours.equals(base)) return plan('updated', theirs);
  if (base !== undefined && theirs.equals(base)) return plan('unchanged', ours);
  const merged = merge(path, { base: base ?? EMPTY, ours, theirs });
  return plan(merged.conflicts > 0 ? 'conflict' : 'merged', merged.content);
}

/**
 * Plans every template-owned path of either factory version. `links` are the paths that are symbolic
 * links in `ours`.
 * @example planTemplateFiles(paths, { base, ours, theirs }, mergeFile)
 */
export function planTemplateFiles(
  paths: Iterable<string>,
  versions: { base: ReadonlyMap<string, Buffer>; ours: ReadonlyMap<string, Buffer>; theirs: ReadonlyMap<string, Buffer> },
  merge: Merge,
  links: ReadonlySet<string> = new Set(),
): PlannedFile[] {
  const sorted = [...new Set(paths)].sort();
  return sorted.map((path) => planOne(path, versions.base.get(path), versions.ours.get(path), versions.theirs.get(path), merge, links.has(path)));
}
