/**
 * YAML, line by line: each line's value after its sequence dashes and key is a double-quoted, single-quoted
 * or plain scalar (a `string`), the head of a block scalar (whose more indented lines are a `block`), or a
 * flow collection (code); `#` after a space starts a comment. Keys are code.
 */
import type { Literal } from './index.js';
import { commentAt, lineEnd, quotedAt } from './scan.js';

const KEY = /(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s"'#[\]{},&*!|>%@`-](?:[^:#\n]|:(?![\s]))*?|-(?=\S)(?:[^:#\n]|:(?![\s]))*?)[ \t]*:(?=\s|$)/y;
const SEQUENCE = /-(?=[ \t]|$)[ \t]*/y;
const PROPERTY = /[&!][^\s]*[ \t]+/y;

function sticky(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0].length ?? 0;
}

/** A comment after the value, if the rest of the line has one. */
function trailingComment(text: string, from: number, end: number): Literal | undefined {
  const hash = text.slice(from, end).search(/(?:^|[ \t])#/);
  if (hash === -1) return undefined;
  const at = from + hash + (text[from + hash] === '#' ? 0 : 1);
  return commentAt(text, at, 1);
}

export function yamlLiterals(text: string): Literal[] {
  const literals: Literal[] = [];
  let line = 0;
  while (line < text.length) {
    const end = lineEnd(text, line);
    const indent = /^[ \t]*/.exec(text.slice(line, end))![0].length;
    let i = line + indent;
    if (text.startsWith('---', i) || text.startsWith('...', i) || text[i] === '%') i = end;
    for (let step = sticky(SEQUENCE, text, i); step > 0; step = sticky(SEQUENCE, text, i)) i += step;
    i += sticky(KEY, text, i);
    i += text.slice(i, end).length - text.slice(i, end).trimStart().length;
    for (let step = sticky(PROPERTY, text, i); step > 0; step = sticky(PROPERTY, text, i)) i += step;
    let next = end + 1;
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const literal = quotedAt(text, i, i + 1, ch, ch === '"' ? { escapes: true, multiline: true } : { escapes: false, multiline: true, doubled: true });
      literals.push(literal);
      const closing = lineEnd(text, literal.end);
      const comment = trailingComment(text, literal.end, closing);
      if (comment) literals.push(comment);
      next = closing + 1;
    } else if (ch === '|' || ch === '>') {
      const comment = trailingComment(text, i, end);
      if (comment) literals.push(comment);
      // The block is every following line that is blank or indented deeper than this one.
      let last = end;
      for (let probe = end + 1; probe < text.length; ) {
        const probeEnd = lineEnd(text, probe);
        const content = text.slice(probe, probeEnd);
        if (content.trim() !== '' && /^[ \t]*/.exec(content)![0].length <= indent) break;
        last = probeEnd;
        probe = probeEnd + 1;
      }
      if (last > end) literals.push({ kind: 'block', start: end + 1, end: last, contentStart: end + 1, contentEnd: last });
      next = last + 1;
    } else if (ch === '#') {
      literals.push(commentAt(text, i, 1));
    } else if (ch !== undefined && i < end && ch !== '[' && ch !== '{') {
      const comment = trailingComment(text, i, end);
      const valueEnd = i + text.slice(i, comment ? comment.start : end).trimEnd().length;
      if (valueEnd > i) literals.push({ kind: 'string', start: i, end: valueEnd, contentStart: i, contentEnd: valueEnd, quote: '' });
      if (comment) literals.push(comment);
    } else {
      const comment = trailingComment(text, i, end);
      if (comment) literals.push(comment);
    }
    line = next;
  }
  return literals;
}
