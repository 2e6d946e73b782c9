/**
 * The merged text as `git merge-file` writes it in its default "merge" style (xdiff/xmerge.c,
 * xdl_fill_merge_buffer): the team's lines where nothing changed, each side's resolved hunks, and a
 * conflict as `<<<<<<< label`, the team's lines, `=======`, the factory's lines, `>>>>>>> label`. Inside
 * a conflict a side's last line without a line end gets one, and the markers end in CRLF when the lines
 * around them do.
 */
import { Mode, type Hunk, type Versions } from './hunks.js';

const MARKER_SIZE = 7;

/** Whether line `at` ends in CRLF (1) or LF (0); the last line without an end looks at the one before; -1 if unknown. */
function endsInCrlf(lines: readonly string[], at: number): -1 | 0 | 1 {
  const crlf = (line: string) => (line.endsWith('\r\n') ? 1 : 0);
  if (at < lines.length - 1) return crlf(lines[at]!);
  if (lines.length === 0) return -1;
  if (lines[at]!.endsWith('\n')) return crlf(lines[at]!);
  return at === 0 ? -1 : crlf(lines[at - 1]!);
}

/** CRLF markers when both sides' lines before the conflict (or first lines) and the base's first line end so. */
function needsCr(versions: Versions, hunk: Hunk): boolean {
  let crlf = endsInCrlf(versions.ours, hunk.i1 ? hunk.i1 - 1 : 0);
  if (crlf) crlf = endsInCrlf(versions.theirs, hunk.i2 ? hunk.i2 - 1 : 0);
  if (crlf) crlf = endsInCrlf(versions.base, 0);
  return crlf === 1;
}

/** Conflict labels, as given to `git merge-file -L`. */
export interface MergeLabels {
  /** Shown after `<<<<<<<`: the version the conflict's first part comes from. */
  ours: string;
  /** Shown after `>>>>>>>`. */
  theirs: string;
}

/** A label as the lines are held: a latin1 string of its UTF-8 bytes. */
const asLine = (label: string) => Buffer.from(label, 'utf8').toString('latin1');

/** Writes the merge of `versions` by its `hunks`; returns the text and the number of conflicts. */
export function writeMerge(versions: Versions, hunks: readonly Hunk[], labels: MergeLabels): { text: string; conflicts: number } {
  const parts: string[] = [];
  const copy = (lines: readonly string[], from: number, count: number, endLast?: string) => {
    for (let i = from; i < from + count; i++) parts.push(lines[i]!);
    if (endLast && count > 0 && !lines[from + count - 1]!.endsWith('\n')) parts.push(endLast);
  };
  let conflicts = 0;
  let at = 0; // the next line of ours not yet written
  for (const hunk of hunks) {
    // A change both sides made alike: ours already has it, and it is written with the lines around it.
    if (hunk.mode === Mode.Same) continue;
    copy(versions.ours, at, hunk.i1 - at);
    if (hunk.mode === Mode.Conflict) {
      conflicts++;
      const eol = needsCr(versions, hunk) ? '\r\n' : '\n';
      parts.push(`${'<'.repeat(MARKER_SIZE)} ${asLine(labels.ours)}${eol}`);
      copy(versions.ours, hunk.i1, hunk.chg1, eol);
      parts.push(`${'='.repeat(MARKER_SIZE)}${eol}`);
      copy(versions.theirs, hunk.i2, hunk.chg2, eol);
      parts.push(`${'>'.repeat(MARKER_SIZE)} ${asLine(labels.theirs)}${eol}`);
    } else if (hunk.mode === Mode.Ours) copy(versions.ours, hunk.i1, hunk.chg1);
    else copy(versions.theirs, hunk.i2, hunk.chg2);
    at = hunk.i1 + hunk.chg1;
  }
  copy(versions.ours, at, versions.ours.length - at);
  return { text: parts.join(''), conflicts };
}
