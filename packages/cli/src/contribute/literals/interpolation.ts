/**
 * Whether a point inside a string is inside an interpolation: HCL `${…}`/`%{…}`, a Python f-string's
 * `{…}`, shell `$(…)`, `${…}` and backquotes in double quotes. There the text is code, not the string's.
 */
import type { TemplateFormat } from '@ai-factory/engine';
import type { Literal } from './index.js';

/** Openers and the closer each one waits for, per kind of string; `escapes` are skipped as text. */
interface Interpolations {
  open: Record<string, string>;
  escapes: string[];
}

const HCL: Interpolations = { open: { '${': '}', '%{': '}' }, escapes: ['$${', '%%{', '\\\\', '\\"'] };
const FSTRING: Interpolations = { open: { '{': '}' }, escapes: ['{{', '}}'] };
const SHELL: Interpolations = { open: { '$(': ')', '${': '}', '`': '`' }, escapes: ['\\\\', '\\$', '\\`', '\\"'] };

function rulesFor(format: TemplateFormat, literal: Literal): Interpolations | undefined {
  if (format === 'hcl') return HCL;
  if (format === 'python' && literal.prefix?.includes('f')) return FSTRING;
  if ((format === 'shell' || format === 'dockerfile') && literal.quote === '"') return SHELL;
  return undefined;
}

/** True when `index` (inside `literal`'s content) is inside an interpolation, or right after a shell `$`. */
export function insideInterpolation(text: string, literal: Literal, index: number, format: TemplateFormat): boolean {
  const rules = rulesFor(format, literal);
  if (!rules) return false;
  if (rules === SHELL && text[index - 1] === '$') return true;
  const closers: string[] = [];
  for (let i = literal.contentStart; i < index; ) {
    const escape = rules.escapes.find((e) => text.startsWith(e, i));
    if (escape && closers.length === 0) {
      i += escape.length;
      continue;
    }
    if (closers.length > 0 && text.startsWith(closers.at(-1)!, i)) {
      i += closers.pop()!.length;
      continue;
    }
    const opener = Object.keys(rules.open).find((o) => text.startsWith(o, i));
    if (opener) {
      closers.push(rules.open[opener]!);
      i += opener.length;
    } else i += 1;
  }
  return closers.length > 0;
}
