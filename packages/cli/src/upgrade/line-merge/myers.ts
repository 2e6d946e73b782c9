/**
 * Myers's O(ND) diff as git's xdiff runs it (xdiff/xdiffi.c, xdl_split and xdl_recs_cmp): the box of
 * two line ranges is split at the middle snake found from both corners, and each half is diffed in turn.
 * When the search gets expensive git cuts it short with two heuristics (a long snake far enough along, or
 * after a maximum cost the furthest-reaching diagonal); they are kept as they are, since they decide
 * which lines of a large diff are marked changed.
 */
import { bogoSqrt, type Prepared } from './records.js';

const SNAKE_COUNT = 20;
const HEURISTIC_MIN_COST = 256;
const MAX_COST_MIN = 256;
const K_HEURISTIC = 4;
const LINE_MAX = 0x7fffffff;

/** Where a box is split, and whether each half must be diffed without heuristics. */
interface Split {
  i1: number;
  i2: number;
  minimalLow: boolean;
  minimalHigh: boolean;
}

/** One search over two sequences of line classes; the diagonal vectors are reused by every box. */
class Search {
  private readonly forward: Int32Array;
  private readonly backward: Int32Array;
  /** Diagonal k lives at index k + shift: diagonals run from -length2 - 1 to length1 + 1. */
  private readonly shift: number;
  private readonly maxCost: number;

  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
  ) {
    const diagonals = a.length + b.length + 3;
    this.forward = new Int32Array(diagonals);
    this.backward = new Int32Array(diagonals);
    this.shift = b.length + 1;
    this.maxCost = Math.max(bogoSqrt(diagonals), MAX_COST_MIN);
  }

  /** The middle snake of the box [off1, lim1) x [off2, lim2), both ranges non-empty. */
  split(off1: number, lim1: number, off2: number, lim2: number, needMinimal: boolean): Split {
    const { a, b, shift } = this;
    const kf = this.forward;
    const kb = this.backward;
    const dmin = off1 - lim2;
    const dmax = lim1 - off2;
    const fmid = off1 - off2;
    const bmid = lim1 - lim2;
    const odd = ((fmid - bmid) & 1) === 1;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    kf[fmid + shift] = off1;
    kb[bmid + shift] = lim1;

    for (let cost = 1; ; cost++) {
      let gotSnake = false;
      // Widen the diagonal domain by one, or narrow it where it would leave the box.
      if (fmin > dmin) kf[--fmin - 1 + shift] = -1;
      else ++fmin;
      if (fmax < dmax) kf[++fmax + 1 + shift] = -1;
      else --fmax;
      for (let d = fmax; d >= fmin; d -= 2) {
        let i1 = kf[d - 1 + shift]! >= kf[d + 1 + shift]! ? kf[d - 1 + shift]! + 1 : kf[d + 1 + shift]!;
        const start = i1;
        let i2 = i1 - d;
        while (i1 < lim1 && i2 < lim2 && a[i1] === b[i2]) {
          i1++;
          i2++;
        }
        if (i1 - start > SNAKE_COUNT) gotSnake = true;
        kf[d + shift] = i1;
        if (odd && bmin <= d && d <= bmax && kb[d + shift]! <= i1) return { i1, i2, minimalLow: true, minimalHigh: true };
      }

      if (bmin > dmin) kb[--bmin - 1 + shift] = LINE_MAX;
      else ++bmin;
      if (bmax < dmax) kb[++bmax + 1 + shift] = LINE_MAX;
      else --bmax;
      for (let d = bmax; d >= bmin; d -= 2) {
        let i1 = kb[d - 1 + shift]! < kb[d + 1 + shift]! ? kb[d - 1 + shift]! : kb[d + 1 + shift]! - 1;
        const start = i1;
        let i2 = i1 - d;
        while (i1 > off1 && i2 > off2 && a[i1 - 1] === b[i2 - 1]) {
          i1--;
          i2--;
        }
        if (start - i1 > SNAKE_COUNT) gotSnake = true;
        kb[d + shift] = i1;
        if (!odd && fmin <= d && d <= fmax && i1 <= kf[d + shift]!) return { i1, i2, minimalLow: true, minimalHigh: true };
      }

      if (needMinimal) continue;

      // A costly search with a good snake: take a diagonal that got far, ending in a snake of 20 lines.
      if (gotSnake && cost > HEURISTIC_MIN_COST) {
        let best = 0;
        let found: Split | undefined;
        for (let d = fmax; d >= fmin; d -= 2) {
          const i1 = kf[d + shift]!;
          const i2 = i1 - d;
          const v = i1 - off1 + (i2 - off2) - Math.abs(d - fmid);
          if (v > K_HEURISTIC * cost && v > best && off1 + SNAKE_COUNT <= i1 && i1 < lim1 && off2 + SNAKE_COUNT <= i2 && i2 < lim2) {
            let k = 1;
            while (k < SNAKE_COUNT && a[i1 - k] === b[i2 - k]) k++;
            if (k === SNAKE_COUNT && a[i1 - k] === b[i2 - k]) {
              best = v;
              found = { i1, i2, minimalLow: true, minimalHigh: false };
            }
          }
        }
        if (found) return found;
        for (let d = bmax; d >= bmin; d -= 2) {
          const i1 = kb[d + shift]!;
          const i2 = i1 - d;
          const v = lim1 - i1 + (lim2 - i2) - Math.abs(d - bmid);
          if (v > K_HEURISTIC * cost && v > best && off1 < i1 && i1 <= lim1 - SNAKE_COUNT && off2 < i2 && i2 <= lim2 - SNAKE_COUNT) {
            let k = 0;
            while (k < SNAKE_COUNT - 1 && a[i1 + k] === b[i2 + k]) k++;
            if (k === SNAKE_COUNT - 1 && a[i1 + k] === b[i2 + k]) {
              best = v;
              found = { i1, i2, minimalLow: false, minimalHigh: true };
            }
          }
        }
        if (found) return found;
      }

      if (cost >= this.maxCost) return this.furthest(off1, lim1, off2, lim2, fmin, fmax, bmin, bmax);
    }
  }

  /** Enough is enough: the diagonal that reached furthest (by i1 + i2), forward or backward. */
  private furthest(off1: number, lim1: number, off2: number, lim2: number, fmin: number, fmax: number, bmin: number, bmax: number): Split {
    const { shift } = this;
    let fbest = -1;
    let fbest1 = -1;
    for (let d = fmax; d >= fmin; d -= 2) {
      // A diagonal's reach clipped to the box.
      const i2 = Math.min(Math.min(this.forward[d + shift]!, lim1) - d, lim2);
      const i1 = i2 + d;
      if (fbest < i1 + i2) {
        fbest = i1 + i2;
        fbest1 = i1;
      }
    }
    let bbest = LINE_MAX;
    let bbest1 = LINE_MAX;
    for (let d = bmax; d >= bmin; d -= 2) {
      const i2 = Math.max(Math.max(off1, this.backward[d + shift]!) - d, off2);
      const i1 = i2 + d;
      if (i1 + i2 < bbest) {
        bbest = i1 + i2;
        bbest1 = i1;
      }
    }
    if (lim1 + lim2 - bbest < fbest - (off1 + off2)) return { i1: fbest1, i2: fbest - fbest1, minimalLow: true, minimalHigh: false };
    return { i1: bbest1, i2: bbest - bbest1, minimalLow: false, minimalHigh: true };
  }
}

/** Marks in `prepared` the lines Myers finds changed among those left for the search. */
export function markChanges(prepared: Prepared): void {
  const { search1, search2, changed1, changed2 } = prepared;
  const a = search1.classes;
  const b = search2.classes;
  const search = new Search(a, b);
  // Each box is independent of the others, so a stack instead of git's recursion gives the same marks.
  const boxes: [number, number, number, number, boolean][] = [[0, a.length, 0, b.length, false]];
  for (let box = boxes.pop(); box; box = boxes.pop()) {
    let [off1, lim1, off2, lim2] = box;
    while (off1 < lim1 && off2 < lim2 && a[off1] === b[off2]) {
      off1++;
      off2++;
    }
    while (off1 < lim1 && off2 < lim2 && a[lim1 - 1] === b[lim2 - 1]) {
      lim1--;
      lim2--;
    }
    if (off1 === lim1) for (let i = off2; i < lim2; i++) changed2[search2.lines[i]! + 1] = 1;
    else if (off2 === lim2) for (let i = off1; i < lim1; i++) changed1[search1.lines[i]! + 1] = 1;
    else {
      const split = search.split(off1, lim1, off2, lim2, box[4]);
      boxes.push([off1, split.i1, off2, split.i2, split.minimalLow], [split.i1, lim1, split.i2, lim2, split.minimalHigh]);
    }
  }
}
