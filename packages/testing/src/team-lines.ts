/**
 * The loss oracle for merged text files: every line the team wrote (in its version, not in the previous
 * render) must be in the result, merged in or inside a conflict hunk. Lines are compared as Latin-1
 * strings, one character per byte, so any encoding is compared byte for byte.
 */

const lines = (content: Buffer) => content.toString('latin1').split('\n');

/**
 * The team's lines missing from `result`, in the order the team wrote them: none, when nothing was lost.
 * @example lostTeamLines(base, ours, merged) // [] when every line the team added or changed is kept
 */
export function lostTeamLines(base: Buffer, ours: Buffer, result: Buffer): string[] {
  const before = new Set(lines(base));
  const kept = new Set(lines(result));
  return lines(ours).filter((line) => !before.has(line) && !kept.has(line));
}
