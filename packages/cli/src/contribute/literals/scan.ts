/** Scanning steps the format scanners share. */
import type { Literal } from './index.js';

/** The index of the line break ending the line that holds `index`, or the text's length. */
export function lineEnd(text: string, index: number): number {
  const end = text.indexOf('\n', index);
  return end === -1 ? text.length : end;
}

/** A comment from `start` (its marker, `markerLength` long) to the end of the line. */
export function commentAt(text: string, start: number, markerLength: number): Literal {
  const end = lineEnd(text, start);
  return { kind: 'comment', start, end, contentStart: start + markerLength, contentEnd: end };
}

export interface QuoteRules {
  /** A backslash makes the next character part of the string. */
  escapes: boolean;
  /** The string may span lines; otherwise an unclosed one ends at the line break. */
  multiline: boolean;
  /** Two quotes in a row stand for one (YAML single-quoted scalars). */
  doubled?: boolean;
}

/**
 * The string whose opening `quote` ends at `open` (the index after it), up to its closing quote.
 * @param start where the literal starts (before any prefix)
 */
export function quotedAt(text: string, start: number, open: number, quote: string, rules: QuoteRules, prefix?: string): Literal {
  let i = open;
  while (i < text.length) {
    if (rules.escapes && text[i] === '\\') i += 2;
    else if (text.startsWith(quote, i)) {
      if (rules.doubled && text.startsWith(quote, i + quote.length)) i += 2 * quote.length;
      else return { kind: 'string', start, end: i + quote.length, contentStart: open, contentEnd: i, quote, ...(prefix ? { prefix } : {}) };
    } else if (!rules.multiline && text[i] === '\n') break;
    else i += 1;
  }
  const end = Math.min(i, text.length);
  return { kind: 'string', start, end, contentStart: open, contentEnd: end, quote, ...(prefix ? { prefix } : {}) };
}

/** A heredoc-like block: from the line after `from` to the end of the line that is exactly `terminator` (trimmed). */
export function blockUntil(text: string, from: number, terminator: string): Literal {
  const start = lineEnd(text, from) + 1;
  let line = start;
  while (line < text.length) {
    const end = lineEnd(text, line);
    if (text.slice(line, end).trim() === terminator) return { kind: 'block', start, end, contentStart: start, contentEnd: line };
    line = end + 1;
  }
  return { kind: 'block', start, end: text.length, contentStart: start, contentEnd: text.length };
}
