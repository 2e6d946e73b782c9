/**
 * The line diff `git merge-file` computes between two versions: git's Myers (xdiff, no options), the
 * same preparation and the same hunk sliding, so that the hunks, and with them a merge's conflicts, are
 * git's own.
 */
import { compactChanges, editScript, type Change } from './compact.js';
import { markChanges } from './myers.js';
import { prepare } from './records.js';

export type { Change } from './compact.js';

/**
 * The lines of `text`, each with its line end; the last has none when the text does not end in one.
 * Only LF ends a line, as for git: a CR before it is part of the line.
 * @example splitLines('a\r\nb') // ['a\r\n', 'b']
 */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    lines.push(text.slice(start, end + 1));
    start = end + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/**
 * The hunks that turn `lines1` into `lines2`, in order.
 * @example diffLines(['a\n', 'b\n'], ['a\n', 'c\n']) // [{ i1: 1, chg1: 1, i2: 1, chg2: 1 }]
 */
export function diffLines(lines1: readonly string[], lines2: readonly string[]): Change[] {
  const prepared = prepare(lines1, lines2);
  markChanges(prepared);
  const { classes1, classes2, changed1, changed2 } = prepared;
  compactChanges(classes1, changed1, classes2, changed2);
  compactChanges(classes2, changed2, classes1, changed1);
  return editScript(changed1, classes1.length, changed2, classes2.length);
}
