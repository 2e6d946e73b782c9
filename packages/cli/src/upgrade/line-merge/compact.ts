/**
 * Hunk sliding as git's xdiff does it (xdiff/xdiffi.c, xdl_change_compact): a run of changed lines
 * that could equally sit a few lines higher or lower (an added line next to a copy of itself) is moved
 * as far down as it goes, joining runs it meets, then back up to line up with a change in the other
 * file if it passed one. Git's indent heuristic is off for `git merge-file`, so it has no part here.
 */

/** A run of changed lines in one file: [start, end), or an empty run at `start`. */
interface Group {
  start: number;
  end: number;
}

/** One file's lines (as classes) and its changed marks, offset by one (see Prepared). */
class Lines {
  constructor(
    readonly classes: Int32Array,
    readonly changed: Uint8Array,
  ) {}

  get count(): number {
    return this.classes.length;
  }

  isChanged(line: number): boolean {
    return this.changed[line + 1] === 1;
  }

  first(): Group {
    const group = { start: 0, end: 0 };
    while (this.isChanged(group.end)) group.end++;
    return group;
  }

  /** Moves to the next (possibly empty) group; false at the end of the file. */
  next(group: Group): boolean {
    if (group.end === this.count) return false;
    group.start = group.end + 1;
    for (group.end = group.start; this.isChanged(group.end); ) group.end++;
    return true;
  }

  previous(group: Group): boolean {
    if (group.start === 0) return false;
    group.end = group.start - 1;
    for (group.start = group.end; this.isChanged(group.start - 1); ) group.start--;
    return true;
  }

  /** Slides the group one line down if the line after it equals its first; joins a group it meets. */
  slideDown(group: Group): boolean {
    if (group.end >= this.count || this.classes[group.start] !== this.classes[group.end]) return false;
    this.changed[group.start++ + 1] = 0;
    this.changed[group.end++ + 1] = 1;
    while (this.isChanged(group.end)) group.end++;
    return true;
  }

  slideUp(group: Group): boolean {
    if (group.start === 0 || this.classes[group.start - 1] !== this.classes[group.end - 1]) return false;
    this.changed[--group.start + 1] = 1;
    this.changed[--group.end + 1] = 0;
    while (this.isChanged(group.start - 1)) group.start--;
    return true;
  }
}

/** Slides the changed runs of the file `classes`/`changed`, keeping the other file's groups in step. */
export function compactChanges(classes: Int32Array, changed: Uint8Array, otherClasses: Int32Array, otherChanged: Uint8Array): void {
  const file = new Lines(classes, changed);
  const other = new Lines(otherClasses, otherChanged);
  const group = file.first();
  const go = other.first();
  do {
    if (group.end === group.start) continue;
    let size: number;
    let earliestEnd: number;
    let endMatchingOther: number;
    // Sliding can join groups; repeat until the group stops growing.
    do {
      size = group.end - group.start;
      endMatchingOther = -1;
      while (file.slideUp(group)) other.previous(go);
      earliestEnd = group.end;
      if (go.end > go.start) endMatchingOther = group.end;
      while (file.slideDown(group)) {
        other.next(go);
        if (go.end > go.start) endMatchingOther = group.end;
      }
    } while (size !== group.end - group.start);
    if (group.end !== earliestEnd && endMatchingOther !== -1) {
      while (go.end === go.start) {
        file.slideUp(group);
        other.previous(go);
      }
    }
  } while (file.next(group) && other.next(go));
}

/** A hunk of a diff: `chg1` lines at `i1` of the first file became `chg2` lines at `i2` of the second. */
export interface Change {
  i1: number;
  chg1: number;
  i2: number;
  chg2: number;
}

/** The hunks of two files' changed marks, in order. */
export function editScript(changed1: Uint8Array, count1: number, changed2: Uint8Array, count2: number): Change[] {
  const changes: Change[] = [];
  let i1 = 0;
  let i2 = 0;
  while (i1 < count1 || i2 < count2) {
    if (changed1[i1 + 1] || changed2[i2 + 1]) {
      const change = { i1, chg1: 0, i2, chg2: 0 };
      while (changed1[i1 + 1]) i1++;
      while (changed2[i2 + 1]) i2++;
      changes.push({ ...change, chg1: i1 - change.i1, chg2: i2 - change.i2 });
    } else {
      i1++;
      i2++;
    }
  }
  return changes;
}
