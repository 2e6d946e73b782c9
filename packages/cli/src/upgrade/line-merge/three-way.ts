/**
 * The three-way line merge of `git merge-file` (git 2.39's defaults: Myers, level "zealous alnum",
 * "merge" style, no favoured side, 7-character markers), in process and byte for byte. After the two
 * diffs from the base are lined up (hunks.ts), each conflict is narrowed to the lines where the two sides
 * really differ (the sides' own diff), and conflicts at most three lines apart, or apart only by lines
 * without a letter or digit, are joined into one: fewer, larger conflicts read more easily.
 */
import { diffLines, splitLines } from './diff.js';
import { lineUp, Mode, type Hunk, type Versions } from './hunks.js';
import { writeMerge, type MergeLabels } from './output.js';

export type { MergeLabels } from './output.js';

/** Splits each conflict into the hunks of the sides' diff of its lines, or marks it the same change. */
function refineConflicts(versions: Versions, hunks: readonly Hunk[]): Hunk[] {
  return hunks.flatMap((hunk) => {
    if (hunk.mode !== Mode.Conflict || hunk.chg1 === 0 || hunk.chg2 === 0) return [hunk];
    const ours = versions.ours.slice(hunk.i1, hunk.i1 + hunk.chg1);
    const theirs = versions.theirs.slice(hunk.i2, hunk.i2 + hunk.chg2);
    const changes = diffLines(ours, theirs);
    if (changes.length === 0) return [{ ...hunk, mode: Mode.Same }];
    // The base side of a refined conflict is no longer known, and the merge style never shows it.
    return changes.map((change) => ({ ...hunk, i1: hunk.i1 + change.i1, chg1: change.chg1, i2: hunk.i2 + change.i2, chg2: change.chg2 }));
  });
}

const ALNUM = /[A-Za-z0-9]/;

/** Joins neighbouring conflicts separated by at most three lines of ours, or by lines without alnum. */
function simplifyNonConflicts(versions: Versions, hunks: Hunk[]): Hunk[] {
  const joined: Hunk[] = [];
  for (const hunk of hunks) {
    const last = joined.at(-1);
    const gap = () => versions.ours.slice(last!.i1 + last!.chg1, hunk.i1);
    const join = last?.mode === Mode.Conflict && hunk.mode === Mode.Conflict && (hunk.i1 - last.i1 - last.chg1 <= 3 || !gap().some((line) => ALNUM.test(line)));
    if (!last || !join) joined.push(hunk);
    else {
      last.chg1 = hunk.i1 + hunk.chg1 - last.i1;
      last.chg2 = hunk.i2 + hunk.chg2 - last.i2;
    }
  }
  return joined;
}

/**
 * Merges the changes from `base` to `theirs` into `ours`, as `git merge-file -p -L ours -L base -L theirs
 * ours base theirs` does, with the same bytes and the same number of conflicts (git's exit status caps
 * that number at 127; this does not).
 * @example mergeLines({ base, ours, theirs }, { ours: 'a (yours)', theirs: 'a (new)' }) // { content, conflicts: 0 }
 */
export function mergeLines(files: { base: Buffer; ours: Buffer; theirs: Buffer }, labels: MergeLabels): { content: Buffer; conflicts: number } {
  // Latin-1 maps each byte to one character and back, so lines compare and come back as their bytes.
  const versions = { base: splitLines(files.base.toString('latin1')), ours: splitLines(files.ours.toString('latin1')), theirs: splitLines(files.theirs.toString('latin1')) };
  const changes1 = diffLines(versions.base, versions.ours);
  const changes2 = diffLines(versions.base, versions.theirs);
  if (changes1.length === 0) return { content: files.theirs, conflicts: 0 };
  if (changes2.length === 0) return { content: files.ours, conflicts: 0 };
  const hunks = simplifyNonConflicts(versions, refineConflicts(versions, lineUp(versions, changes1, changes2)));
  const { text, conflicts } = writeMerge(versions, hunks, labels);
  return { content: Buffer.from(text, 'latin1'), conflicts };
}
