/**
 * Turns a file lifted from a generated project back into a template: each answer value (the project's name,
 * package name, description, team) becomes the template variable it came from, through the escaping helper for
 * the file's format. Only occurrences whose context is certain are generalised: a whole quoted literal, a
 * bare Python identifier, a whole YAML value, a shell word, or anywhere in Markdown and text. The rest are
 * left as they are and reported, because a value inside a larger literal cannot be escaped as a unit.
 */
import { fileFormat, isFreeFormat, type TemplateFormat } from '@ai-factory/engine';

export interface AnswerValue {
  variable: string;
  value: string;
}

export interface Replacement extends AnswerValue {
  line: number;
  /** As written into the template, e.g. `{{yaml name}}`. */
  expression: string;
}

export interface Leftover extends AnswerValue {
  line: number;
  reason: string;
}

export interface Generalised {
  text: string;
  replacements: Replacement[];
  leftovers: Leftover[];
}

/** The helper that writes a whole string literal in each format. */
const LITERAL_HELPER: Partial<Record<TemplateFormat, string>> = {
  yaml: 'yaml', json: 'json', toml: 'toml', hcl: 'hcl', python: 'py', shell: 'sh', dockerfile: 'json',
};
const WORD = /[A-Za-z0-9_]/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** True when an odd number of `quote` characters precede `index` on its line: the index is inside a string. */
function insideQuotes(line: string, index: number): boolean {
  const before = line.slice(0, index);
  return ['"', "'"].some((quote) => (before.split(quote).length - 1) % 2 === 1);
}

interface Match extends AnswerValue {
  start: number;
  end: number;
}

/** Every occurrence of every value, longest values first, never overlapping. */
function occurrences(text: string, values: readonly AnswerValue[]): Match[] {
  const taken: Match[] = [];
  for (const candidate of [...values].sort((a, b) => b.value.length - a.value.length)) {
    for (let start = text.indexOf(candidate.value); start !== -1; start = text.indexOf(candidate.value, start + 1)) {
      const end = start + candidate.value.length;
      if (!taken.some((m) => start < m.end && end > m.start)) taken.push({ ...candidate, start, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** How to replace one occurrence: the span to replace and the expression, or why it is left. */
function decide(text: string, m: Match, format: TemplateFormat | undefined): { start: number; end: number; expression: string } | string {
  const before = text[m.start - 1] ?? '';
  const after = text[m.end] ?? '';
  if (format === undefined) return 'the file format is unknown, so no escaping helper is known to be safe';
  if (isFreeFormat(format)) return { start: m.start, end: m.end, expression: `{{${m.variable}}}` };
  const helper = LITERAL_HELPER[format]!;
  const tripleQuoted = text[m.start - 2] === before && text[m.start - 3] === before;
  if ((before === '"' || before === "'") && after === before && !tripleQuoted) {
    return { start: m.start - 1, end: m.end + 1, expression: `{{${helper} ${m.variable}}}` };
  }
  if (WORD.test(before) || WORD.test(after)) return 'part of a larger word or identifier';
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
  const lineEnd = text.indexOf('\n', m.end) === -1 ? text.length : text.indexOf('\n', m.end);
  const line = text.slice(lineStart, lineEnd);
  if (insideQuotes(line, m.start - lineStart)) return 'inside a larger string literal';
  const prefix = text.slice(lineStart, m.start);
  const rest = text.slice(m.end, lineEnd);
  if (format === 'python' && IDENTIFIER.test(m.value)) return { start: m.start, end: m.end, expression: `{{pyIdent ${m.variable}}}` };
  if (format === 'yaml' && /^\s*(?:- )?(?:[\w.-]+:\s+)?$/.test(prefix) && /^\s*(?:#.*)?$/.test(rest) && prefix.trim() !== '') {
    return { start: m.start, end: m.end, expression: `{{yaml ${m.variable}}}` };
  }
  if ((format === 'shell' || format === 'dockerfile') && /(^|[\s=])$/.test(prefix) && /^($|[\s;])/.test(rest) && /^[\w./:@-]+$/.test(m.value)) {
    return { start: m.start, end: m.end, expression: `{{sh ${m.variable}}}` };
  }
  return `not a whole ${format} value`;
}

/**
 * @example generaliseText('name: churn-model\n', 'catalog.yaml', [{ variable: 'name', value: 'churn-model' }]).text
 * // 'name: {{yaml name}}\n'
 */
export function generaliseText(text: string, path: string, values: readonly AnswerValue[]): Generalised {
  const format = fileFormat(path);
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  // Text that is not a replacement must come out literally: Handlebars reads `\{{` as a literal `{{`.
  const literal = (chunk: string) => chunk.replace(/\{\{/g, '\\{{');
  const replacements: Replacement[] = [];
  const leftovers: Leftover[] = [];
  let out = '';
  let cursor = 0;
  for (const match of occurrences(text, values)) {
    if (match.start < cursor) continue;
    const decision = decide(text, match, format);
    const { variable, value } = match;
    if (typeof decision === 'string') {
      leftovers.push({ variable, value, line: lineOf(match.start), reason: decision });
      continue;
    }
    out += literal(text.slice(cursor, decision.start)) + decision.expression;
    cursor = decision.end;
    replacements.push({ variable, value, line: lineOf(match.start), expression: decision.expression });
  }
  out += literal(text.slice(cursor));
  return { text: replacements.length > 0 ? out : text, replacements, leftovers };
}

/** A project path as a module source path: the package name and project name become `__packageName__`/`__name__`. */
export function generalisePath(path: string, values: readonly AnswerValue[]): string {
  let result = path;
  for (const variable of ['packageName', 'name']) {
    const value = values.find((v) => v.variable === variable)?.value;
    if (!value) continue;
    result = result.replace(new RegExp(`(?<![A-Za-z0-9])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'g'), `__${variable}__`);
  }
  return result;
}
