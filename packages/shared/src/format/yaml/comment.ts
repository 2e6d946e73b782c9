/**
 * YAML comments in the `yaml` package's form: the comment text is what follows `#`, so ` v4.1.0` is written
 * `# v4.1.0`; each line of a multi-line comment is its own comment line.
 */

/** `comment` as comment lines, not yet indented. */
export const commentText = (comment: string): string => comment.replace(/^(?!$)(?: $)?/gm, '#');

/** Comment lines indented by `indent`; blank lines stay blank. */
export const indentComment = (text: string, indent: string): string => (indent ? text.replace(/^(?! *$)/gm, indent) : text);

/** `comment` after the last line of `node`: on that line when it fits on one, else on its own lines. */
export function lineComment(node: string, indent: string, comment: string): string {
  const text = commentText(comment);
  if (node.endsWith('\n')) return indentComment(text, indent);
  if (text.includes('\n')) return `\n${indentComment(text, indent)}`;
  return `${node.endsWith(' ') ? '' : ' '}${text}`;
}
