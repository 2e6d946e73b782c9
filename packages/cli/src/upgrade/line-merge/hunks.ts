/**
 * The hunks of a three-way merge, as git's xdl_do_merge lines up the two diffs from the base (xdiff/
 * xmerge.c): a change only one side made is taken from that side; changes both sides made to the same
 * base lines are one conflict, unless they are the same change; and hunks that touch or overlap, even
 * from different sides, become one conflict.
 */
import type { Change } from './diff.js';

/**
 * How a hunk is resolved: a conflict, one side's lines, or `Same` where both sides made the same change
 * (found when a conflict is refined) and the team's lines stand.
 */
export const Mode = { Conflict: 0, Ours: 1, Theirs: 2, Same: 4 } as const;
export type Mode = (typeof Mode)[keyof typeof Mode];

/**
 * A region of the merge: `chg0` base lines at `i0`, `chg1` lines of ours at `i1` and `chg2` lines of
 * theirs at `i2` (each side's lines where it left the base alone, when only the other side changed them).
 */
export interface Hunk {
  mode: Mode;
  i0: number;
  chg0: number;
  i1: number;
  chg1: number;
  i2: number;
  chg2: number;
}

/** Adds a hunk, joining it with the previous one (as a conflict, if from the other side) when they touch. */
function append(hunks: Hunk[], hunk: Hunk): void {
  const last = hunks.at(-1);
  if (!last || (hunk.i1 > last.i1 + last.chg1 && hunk.i2 > last.i2 + last.chg2)) {
    hunks.push(hunk);
    return;
  }
  if (hunk.mode !== last.mode) last.mode = Mode.Conflict;
  last.chg0 = hunk.i0 + hunk.chg0 - last.i0;
  last.chg1 = hunk.i1 + hunk.chg1 - last.i1;
  last.chg2 = hunk.i2 + hunk.chg2 - last.i2;
}

const sameLines = (lines1: readonly string[], at1: number, lines2: readonly string[], at2: number, count: number) => {
  for (let i = 0; i < count; i++) if (lines1[at1 + i] !== lines2[at2 + i]) return false;
  return true;
};

/** The three versions' lines; `ours` and `theirs` are each diffed from `base`. */
export interface Versions {
  base: readonly string[];
  ours: readonly string[];
  theirs: readonly string[];
}

/** The hunks of the diffs base→ours (`changes1`) and base→theirs (`changes2`), in order. */
export function lineUp(versions: Versions, changes1: readonly Change[], changes2: readonly Change[]): Hunk[] {
  const hunks: Hunk[] = [];
  let at1 = 0;
  let at2 = 0;
  while (at1 < changes1.length && at2 < changes2.length) {
    const x1 = changes1[at1]!;
    const x2 = changes2[at2]!;
    // A change's i1 is in the base, its i2 in its side; the side that left those base lines alone has
    // them at the same offset from the base as at its own next change.
    if (x1.i1 + x1.chg1 < x2.i1) {
      append(hunks, { mode: Mode.Ours, i0: x1.i1, chg0: x1.chg1, i1: x1.i2, chg1: x1.chg2, i2: x2.i2 - x2.i1 + x1.i1, chg2: x1.chg1 });
      at1++;
      continue;
    }
    if (x2.i1 + x2.chg1 < x1.i1) {
      append(hunks, { mode: Mode.Theirs, i0: x2.i1, chg0: x2.chg1, i1: x1.i2 - x1.i1 + x2.i1, chg1: x2.chg1, i2: x2.i2, chg2: x2.chg2 });
      at2++;
      continue;
    }
    const same = x1.i1 === x2.i1 && x1.chg1 === x2.chg1 && x1.chg2 === x2.chg2 && sameLines(versions.ours, x1.i2, versions.theirs, x2.i2, x1.chg2);
    if (!same) {
      // The conflict spans both changes: each side's hunk widened by the base lines only the other changed.
      const off = x1.i1 - x2.i1;
      const ffo = off + x1.chg1 - x2.chg1;
      const i0 = off > 0 ? x2.i1 : x1.i1;
      const i1 = off > 0 ? x1.i2 - off : x1.i2;
      const i2 = off > 0 ? x2.i2 : x2.i2 + off;
      const chg0 = x1.i1 + x1.chg1 - i0 - Math.min(ffo, 0);
      const chg1 = x1.i2 + x1.chg2 - i1 - Math.min(ffo, 0);
      const chg2 = x2.i2 + x2.chg2 - i2 + Math.max(ffo, 0);
      append(hunks, { mode: Mode.Conflict, i0, chg0, i1, chg1, i2, chg2 });
    }
    const end1 = x1.i1 + x1.chg1;
    const end2 = x2.i1 + x2.chg1;
    if (end1 >= end2) at2++;
    if (end2 >= end1) at1++;
  }
  for (const x1 of changes1.slice(at1)) {
    append(hunks, { mode: Mode.Ours, i0: x1.i1, chg0: x1.chg1, i1: x1.i2, chg1: x1.chg2, i2: x1.i1 + versions.theirs.length - versions.base.length, chg2: x1.chg1 });
  }
  for (const x2 of changes2.slice(at2)) {
    append(hunks, { mode: Mode.Theirs, i0: x2.i1, chg0: x2.chg1, i1: x2.i1 + versions.ours.length - versions.base.length, chg1: x2.chg1, i2: x2.i2, chg2: x2.chg2 });
  }
  return hunks;
}
