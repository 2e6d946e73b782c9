/**
 * The commonest team edit of a template file: lines added above or below the factory's text (a runbook
 * section at the end of the README, a comment at the top of a file). A line merge reports a conflict
 * when the new version changes the first or last lines, because the two changes touch; nothing is
 * disputed, so the team's lines go around the new version instead.
 */
const NEWLINE = 0x0a;

const endsLine = (content: Buffer) => content.length === 0 || content[content.length - 1] === NEWLINE;

/**
 * `head + theirs + tail` when `ours` is `head + base + tail` with whole lines on either side of an
 * unchanged `base`; undefined when the team changed anything else.
 * @example mergeAroundBase({ base: b('a\n'), ours: b('a\nteam\n'), theirs: b('A\n') }) // b('A\nteam\n')
 */
export function mergeAroundBase({ base, ours, theirs }: { base: Buffer; ours: Buffer; theirs: Buffer }): Buffer | undefined {
  if (base.length === 0 || ours.length === base.length || !endsLine(base)) return undefined;
  for (let at = ours.indexOf(base); at !== -1; at = ours.indexOf(base, at + 1)) {
    const head = ours.subarray(0, at);
    const tail = ours.subarray(at + base.length);
    // Whole lines only: the team's text must not run into the factory's.
    if (!endsLine(head)) continue;
    if (tail.length > 0 && !endsLine(theirs)) return undefined;
    return Buffer.concat([head, theirs, tail]);
  }
  return undefined;
}
