/** Python's strings (with prefixes, triple quotes and escapes) and `#` comments. */
import type { Literal } from './index.js';
import { commentAt, quotedAt } from './scan.js';

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/;

export function pythonLiterals(text: string): Literal[] {
  const literals: Literal[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    let prefix = '';
    let open = i;
    if (/[A-Za-z_]/.test(ch)) {
      IDENTIFIER.lastIndex = i;
      const word = IDENTIFIER.exec(text)![0];
      // A prefix only when the quote follows at once (`rb"…"`); any other word is code.
      if (!PREFIX.test(word) || !/["']/.test(text[i + word.length] ?? '')) {
        i += word.length;
        continue;
      }
      prefix = word.toLowerCase();
      open = i + word.length;
    } else if (ch === '#') {
      const comment = commentAt(text, i, 1);
      literals.push(comment);
      i = comment.end;
      continue;
    } else if (ch !== '"' && ch !== "'") {
      i += 1;
      continue;
    }
    const quote = text.startsWith(text[open]!.repeat(3), open) ? text[open]!.repeat(3) : text[open]!;
    const literal = quotedAt(text, i, open + quote.length, quote, { escapes: true, multiline: quote.length === 3 }, prefix);
    literals.push(literal);
    i = literal.end;
  }
  return literals;
}
