/**
 * The lines of two files as git's xdiff prepares them for Myers (xdiff/xprepare.c): each line gets the
 * number of its class (equal bytes, equal class), the common head and tail are left out, and lines that
 * cannot be part of a match are marked changed before the search even starts. Which lines are set aside
 * here changes which of several equally short diffs Myers finds, so this follows git exactly.
 */

/** Both files' lines as class numbers, the lines already known changed, and what is left for Myers. */
export interface Prepared {
  classes1: Int32Array;
  classes2: Int32Array;
  /** 1 for a changed line, at index line + 1: a 0 before the first line and after the last ends a run. */
  changed1: Uint8Array;
  changed2: Uint8Array;
  /** The lines Myers compares: their classes, and for each its line number in the file. */
  search1: { classes: Int32Array; lines: Int32Array };
  search2: { classes: Int32Array; lines: Int32Array };
}

/** xdiff's integer square root approximation: the power of two nearest above sqrt(n). */
export function bogoSqrt(n: number): number {
  let root = 1;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 4)) root *= 2;
  return root;
}

// A line with this many matches or more in the other file is common (like a blank line or a brace);
// it is only kept for the search where it is not amid lines without a match.
const MAX_EQUAL_LIMIT = 1024;
const SCAN_WINDOW = 100;
const KEEP_RUN = 4;

const NONE = 0;
const ONE = 1;
const MANY = 2;

/** True when the common line at `at` sits in a run mostly made of lines without a match. */
function amidUnmatched(kinds: Uint8Array, at: number, start: number, end: number): boolean {
  const from = Math.max(start, at - SCAN_WINDOW);
  const to = Math.min(end, at + SCAN_WINDOW);
  let common = 2; // this line, counted on both sides as git does
  let before = 0;
  for (let i = at - 1; i >= from && kinds[i] !== ONE; i--) {
    if (kinds[i] === NONE) before++;
    else common++;
  }
  if (before === 0) return false;
  let after = 0;
  for (let i = at + 1; i <= to && kinds[i] !== ONE; i++) {
    if (kinds[i] === NONE) after++;
    else common++;
  }
  if (after === 0) return false;
  return common * KEEP_RUN < common + before + after;
}

/** Sets aside the lines of one file that cannot help the search; returns the ones that can. */
function keepForSearch(classes: Int32Array, counts: Int32Array, changed: Uint8Array, start: number, end: number) {
  const limit = Math.min(bogoSqrt(classes.length), MAX_EQUAL_LIMIT);
  const kinds = new Uint8Array(classes.length);
  for (let i = start; i <= end; i++) {
    const matches = counts[classes[i]!]!;
    kinds[i] = matches === 0 ? NONE : matches >= limit ? MANY : ONE;
  }
  const kept: number[] = [];
  for (let i = start; i <= end; i++) {
    if (kinds[i] === ONE || (kinds[i] === MANY && !amidUnmatched(kinds, i, start, end))) kept.push(i);
    else changed[i + 1] = 1;
  }
  const lines = Int32Array.from(kept);
  return { classes: lines.map((line) => classes[line]!), lines };
}

/** Prepares the diff of `lines1` against `lines2` (each line with its line end, if it has one). */
export function prepare(lines1: readonly string[], lines2: readonly string[]): Prepared {
  const ids = new Map<string, number>();
  const classify = (lines: readonly string[]) =>
    Int32Array.from(lines, (line) => {
      let id = ids.get(line);
      if (id === undefined) ids.set(line, (id = ids.size));
      return id;
    });
  const classes1 = classify(lines1);
  const classes2 = classify(lines2);
  const counts1 = new Int32Array(ids.size);
  const counts2 = new Int32Array(ids.size);
  for (const id of classes1) counts1[id]!++;
  for (const id of classes2) counts2[id]!++;

  const shorter = Math.min(classes1.length, classes2.length);
  let head = 0;
  while (head < shorter && classes1[head] === classes2[head]) head++;
  let tail = 0;
  while (tail < shorter - head && classes1[classes1.length - 1 - tail] === classes2[classes2.length - 1 - tail]) tail++;

  const changed1 = new Uint8Array(classes1.length + 2);
  const changed2 = new Uint8Array(classes2.length + 2);
  // Each file's lines are judged by how often they occur anywhere in the other file.
  const search1 = keepForSearch(classes1, counts2, changed1, head, classes1.length - tail - 1);
  const search2 = keepForSearch(classes2, counts1, changed2, head, classes2.length - tail - 1);
  return { classes1, classes2, changed1, changed2, search1, search2 };
}
