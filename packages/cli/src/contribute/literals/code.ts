/** The strings and comments of JSON, TOML, HCL and shell (Dockerfiles are read as shell). */
import type { Literal } from './index.js';
import { blockUntil, commentAt, quotedAt, type QuoteRules } from './scan.js';

/** Scans `text` left to right: at each index, `step` returns the literal starting there, if any. */
function scan(text: string, step: (i: number) => Literal | undefined): Literal[] {
  const literals: Literal[] = [];
  for (let i = 0; i < text.length; ) {
    const literal = step(i);
    if (literal) {
      literals.push(literal);
      i = Math.max(literal.end, i + 1);
    } else i += 1;
  }
  return literals;
}

const ESCAPED: QuoteRules = { escapes: true, multiline: false };

export function jsonLiterals(text: string): Literal[] {
  return scan(text, (i) => (text[i] === '"' ? quotedAt(text, i, i + 1, '"', ESCAPED) : undefined));
}

export function tomlLiterals(text: string): Literal[] {
  return scan(text, (i) => {
    if (text[i] === '#') return commentAt(text, i, 1);
    for (const [quote, rules] of [['"""', { escapes: true, multiline: true }], ["'''", { escapes: false, multiline: true }], ['"', ESCAPED], ["'", { escapes: false, multiline: false }]] as const) {
      if (text.startsWith(quote, i)) return quotedAt(text, i, i + quote.length, quote, rules);
    }
    return undefined;
  });
}

/** An HCL string, skipping `${ … }` sequences, whose own strings do not end it. */
function hclString(text: string, start: number): Literal {
  let i = start + 1;
  while (i < text.length && text[i] !== '"' && text[i] !== '\n') {
    if (text[i] === '\\') i += 2;
    else if (text.startsWith('${', i) || text.startsWith('%{', i)) {
      let depth = 0;
      for (; i < text.length; i += 1) {
        if (text[i] === '"') i = hclString(text, i).end - 1;
        else if (text[i] === '{') depth += 1;
        else if (text[i] === '}' && --depth === 0) break;
      }
      i += 1;
    } else i += 1;
  }
  const end = Math.min(text[i] === '"' ? i + 1 : i, text.length);
  return { kind: 'string', start, end, contentStart: start + 1, contentEnd: text[i] === '"' ? i : end, quote: '"' };
}

export function hclLiterals(text: string): Literal[] {
  return scan(text, (i) => {
    if (text[i] === '#') return commentAt(text, i, 1);
    if (text.startsWith('//', i)) return commentAt(text, i, 2);
    if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? text.length : close + 2;
      return { kind: 'block', start: i, end, contentStart: i + 2, contentEnd: close === -1 ? end : close };
    }
    if (text[i] === '"') return hclString(text, i);
    const heredoc = /<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?=\n)/y;
    heredoc.lastIndex = i;
    const match = heredoc.exec(text);
    return match ? blockUntil(text, i, match[1]!) : undefined;
  });
}

/** `#` starts a comment only at the start of a word. */
const WORD_START = /[\s;&|()]/;

export function shellLiterals(text: string): Literal[] {
  return scan(text, (i) => {
    const ch = text[i]!;
    if (ch === '#' && (i === 0 || WORD_START.test(text[i - 1]!))) return commentAt(text, i, 1);
    if (ch === '\\') return { kind: 'block', start: i, end: i + 2, contentStart: i + 1, contentEnd: i + 2 };
    if (ch === '"') return quotedAt(text, i, i + 1, '"', { escapes: true, multiline: true });
    if (text.startsWith("$'", i)) return quotedAt(text, i, i + 2, "'", { escapes: true, multiline: true }, '$');
    if (ch === "'") return quotedAt(text, i, i + 1, "'", { escapes: false, multiline: true });
    const heredoc = /<<-?[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/y;
    heredoc.lastIndex = i;
    const match = heredoc.exec(text);
    return match ? blockUntil(text, i, match[2]!) : undefined;
  });
}
