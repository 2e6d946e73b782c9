/**
 * Literal block scalars (`|`, `|-`, `|+`, with an indentation indicator when the text starts with a space):
 * how the shell scripts of the pipelines are written. Mirrors the `yaml` package's blockString with line
 * width 0, where a block scalar is never folded.
 */
import { quoted } from './quote.js';
import { commentText } from './comment.js';

/** Lines starting like a document marker (`---`, `...`, or `%` for YAML 1.1 readers) end a document at column 0. */
export const containsDocumentMarker = (value: string): boolean => /^(%|---|\.\.\.)/m.test(value);

// Runs of line breaks at the end that are followed by more text, so each continuation line gets its indent.
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

/**
 * `value` as a literal block scalar whose lines are indented by `indent` (the root's by none or two), or quoted
 * when a block cannot hold it: a block cannot end in a line of only whitespace, and in a string of only
 * whitespace a reader takes the spaces for indentation (there the `yaml` package writes a block that reads
 * back as another string).
 *
 * @param comment - a comment for the header line (`|- # comment`), in `yaml`'s comment form.
 */
export function blockScalar(value: string, indent: string, comment?: string): string {
  if (/\n[\t ]+$|^[\n\t ]* [\n\t ]*$/.test(value)) return quoted(value);
  // A first line starting with a space needs its indentation stated, which a root block at column 0 cannot do
  // (its parent's indentation is -1): such a block, and one a line of which reads as a document marker, is
  // indented by two.
  const startWithSpace = /^[\n ]* /.test(value);
  const lineIndent = indent || (startWithSpace || containsDocumentMarker(value) ? '  ' : '');
  let endStart = value.length;
  while (endStart > 0 && '\n\t '.includes(value[endStart - 1] as string)) endStart -= 1;
  let end = value.slice(endStart);
  const endNewline = end.indexOf('\n');
  // Chomping: strip (`-`) without a final line break, keep (`+`) for more than one, clip (none) for one.
  const chomp = endNewline === -1 ? '-' : value === end || endNewline !== end.length - 1 ? '+' : '';
  let body = value.slice(0, endStart);
  if (end) {
    if (end.endsWith('\n')) end = end.slice(0, -1);
    end = end.replace(BLOCK_END_NEWLINES, `$&${lineIndent}`);
  }
  let startEnd = 0;
  let startNewline = -1;
  for (; startEnd < body.length && ' \n'.includes(body[startEnd] as string); startEnd += 1) {
    if (body[startEnd] === '\n') startNewline = startEnd;
  }
  let start = body.slice(0, startNewline < startEnd ? startNewline + 1 : startEnd);
  if (start) {
    body = body.slice(start.length);
    start = start.replace(/\n+/g, `$&${lineIndent}`);
  }
  let header = (startWithSpace ? '2' : '') + chomp;
  if (comment) header += ` ${commentText(comment.replace(/ ?[\r\n]+/g, ' '))}`;
  return `|${header}\n${lineIndent}${start}${body.replace(/\n+/g, `$&${lineIndent}`)}${end}`;
}
