/**
 * Where one occurrence of an answer value stands decides how it is generalised: the edit that replaces it
 * with the right escaping helper, the literal to re-quote around it, or the reason it is left as it is.
 */
import { insideString, isFreeFormat, type TemplateFormat } from '@ai-factory/engine';
import type { AnswerValue, ReplacementContext } from './generalise.js';
import type { Literal } from './literals/index.js';
import { insideInterpolation } from './literals/interpolation.js';

/** The helper that writes a whole string literal in each format. */
const LITERAL_HELPER: Partial<Record<TemplateFormat, string>> = { yaml: 'yaml', json: 'json', toml: 'toml', hcl: 'hcl', python: 'py', shell: 'sh', dockerfile: 'sh' };
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SHELL_WORD = /^[\w./:@%+,-]+$/;

/** One occurrence of a value in the file. */
export interface Match extends AnswerValue {
  start: number;
  end: number;
}

/** Text of the template, or a Handlebars expression. */
export type Part = string | { expression: string };

/** One change to the file: the span it replaces and what it writes instead. */
export interface Edit {
  start: number;
  end: number;
  parts: Part[];
  replaced: { match: Match; expression: string; context: ReplacementContext }[];
}

/** A literal to rewrite as a double-quoted string, with the values inside it. */
export interface Requote {
  literal: Literal;
}

const single = (match: Match, start: number, end: number, parts: Part[], expression: string, context: ReplacementContext): Edit => ({
  start, end, parts, replaced: [{ match, expression, context }],
});

const PLATFORM_LEFT = 'a platform answer in a larger string or in code may name the platform itself (a CLI, an ARN, an SDK); limit the module with `when` if it only works there';

/** How to generalise one occurrence: an edit, a literal to re-quote, or why it is left as it is. */
export function decide(text: string, m: Match, format: TemplateFormat, literals: readonly Literal[]): Edit | Requote | string {
  const { variable } = m;
  if (isFreeFormat(format)) return single(m, m.start, m.end, [{ expression: `{{${variable}}}` }], `{{${variable}}}`, 'text');
  const literal = literals.find((l) => m.start < l.end && m.end > l.start);
  if (literal && (m.start < literal.contentStart || m.end > literal.contentEnd)) return 'crosses the edge of a string or comment';
  const at = (expression: string, context: ReplacementContext, parts: Part[] = [{ expression }]) => single(m, m.start, m.end, parts, expression, context);
  if (literal?.kind === 'comment') return at(`{{inComment ${variable}}}`, 'comment');
  if (literal?.kind === 'block') return 'inside a block of another language (a YAML block scalar, a heredoc, a block comment)';
  if (literal) {
    const whole = m.start === literal.contentStart && m.end === literal.contentEnd && (literal.quote ?? '').length <= 1 && !literal.prefix;
    if (whole) {
      // A Dockerfile's exec form is a JSON array.
      const helper = format === 'dockerfile' && isExecForm(text, m.start) ? 'json' : LITERAL_HELPER[format];
      return single(m, literal.start, literal.end, [{ expression: `{{${helper} ${variable}}}` }], `{{${helper} ${variable}}}`, 'value');
    }
    if (insideInterpolation(text, literal, m.start, format)) return 'inside an interpolation, which is code';
    const docstring = format === 'python' && literal.quote?.length === 3;
    if (m.platform && !docstring) return PLATFORM_LEFT;
    return insideLiteral(text, m, format, literal, at);
  }
  if (m.platform) return PLATFORM_LEFT;
  if (format === 'python') return IDENTIFIER.test(m.value) ? at(`{{pyIdent ${variable}}}`, 'identifier') : 'in code, not a Python identifier';
  if (format === 'shell' || format === 'dockerfile') {
    if (!SHELL_WORD.test(m.value)) return 'in shell code, and not one word';
    if (/\$\{?$/.test(text.slice(0, m.start)) || /^[=(]/.test(text.slice(m.end))) return 'a shell variable or function name';
    return at(`{{sh ${variable}}}`, 'word');
  }
  return `in ${format} code (a key or a flow collection), not a value`;
}

function isExecForm(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return /^\s*(?:[A-Za-z]+\s+)?\[/.test(text.slice(lineStart, index));
}

/** Part of a string: the helper for the inside of that kind of string. */
function insideLiteral(
  text: string,
  m: Match,
  format: TemplateFormat,
  literal: Literal,
  at: (expression: string, context: ReplacementContext, parts?: Part[]) => Edit,
): Edit | Requote | string {
  const { variable } = m;
  const context = format === 'python' && literal.quote?.length === 3 ? 'docstring' : 'string';
  switch (format) {
    case 'python':
      return /[rb]/.test(literal.prefix ?? '') ? 'inside a raw or bytes string, which cannot escape' : at(`{{inPyString ${variable}}}`, context);
    case 'json':
      return at(`{{inString ${variable}}}`, context);
    case 'yaml':
      return literal.quote === '"' ? at(`{{inString ${variable}}}`, context) : { literal };
    case 'toml':
      if (literal.quote === '"' || literal.quote === '"""') return at(`{{inString ${variable}}}`, context);
      return literal.quote === "'" ? { literal } : 'inside a multi-line literal string, which cannot escape';
    case 'hcl':
      return at(`{{inHclString ${variable}}}`, context);
    case 'dockerfile':
    case 'shell': {
      if (format === 'dockerfile' && isExecForm(text, m.start)) return at(`{{inString ${variable}}}`, context);
      if (literal.prefix === '$') return "inside a $'…' string";
      // Close the string, put the quoted word, reopen it: the shell joins the three into one word.
      const expression = `{{sh ${variable}}}`;
      return at(expression, context, [literal.quote!, { expression }, literal.quote!]);
    }
    default:
      return `inside a ${format} string`;
  }
}

/** A YAML plain or single-quoted scalar, or a TOML literal string, written as a double-quoted string with its values. */
export function requote(text: string, literal: Literal, matches: readonly Match[]): Edit {
  // YAML writes a quote in a single-quoted scalar as two; a TOML literal string cannot hold one.
  const raw = (from: number, to: number) => insideString(literal.quote === "'" ? text.slice(from, to).replace(/''/g, "'") : text.slice(from, to));
  const parts: Part[] = ['"'];
  const replaced: Edit['replaced'] = [];
  let cursor = literal.contentStart;
  for (const match of matches) {
    const expression = `{{inString ${match.variable}}}`;
    parts.push(raw(cursor, match.start), { expression });
    replaced.push({ match, expression, context: 'string' });
    cursor = match.end;
  }
  parts.push(raw(cursor, literal.contentEnd), '"');
  return { start: literal.start, end: literal.end, parts, replaced };
}

