/**
 * Turns a file lifted from a generated project back into a template: each recorded answer value becomes the
 * template variable it came from, through the escaping helper for the place it stands in (see
 * `literals/`): a whole literal gets the format's value helper (`{{yaml team}}`), part of a string the
 * helper for the inside of that string (`"{{inPyString packageName}}.features"`), a comment or docstring
 * `{{inComment …}}`/`{{inPyString …}}`, a Python identifier `{{pyIdent packageName}}`, a shell word
 * `{{sh name}}`. A YAML plain or single-quoted scalar with a value inside is rewritten as a double-quoted
 * one. Whatever has no certain context is left as it is and reported.
 */
import { fileFormat } from '@ai-factory/engine';
import { scanLiterals, type Literal } from './literals/index.js';
import { decide, requote, type Edit, type Match, type Part } from './placement.js';

export interface AnswerValue {
  variable: string;
  value: string;
  /**
   * A platform answer (cloud, CI/CD system, framework): generalised only where it is a whole literal, in a
   * comment or docstring, or in Markdown, since elsewhere the same word names the platform's own tools and
   * resources (the `aws` CLI, `arn:aws:…`, `import sklearn`), which another answer cannot replace.
   */
  platform?: boolean;
}

/** Where a replacement stands: a whole literal, part of a string, a docstring, a comment, code, or free text. */
export type ReplacementContext = 'value' | 'string' | 'docstring' | 'comment' | 'identifier' | 'word' | 'text';

export interface Replacement extends AnswerValue {
  line: number;
  /** As written into the template, e.g. `{{yaml name}}`. */
  expression: string;
  context: ReplacementContext;
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

/** Every occurrence of every value that is not glued to a letter or digit, longest values first, never overlapping. */
function occurrences(text: string, values: readonly AnswerValue[]): Match[] {
  const taken: Match[] = [];
  for (const candidate of [...values].sort((a, b) => b.value.length - a.value.length)) {
    for (let start = text.indexOf(candidate.value); start !== -1; start = text.indexOf(candidate.value, start + 1)) {
      const end = start + candidate.value.length;
      if (/[A-Za-z0-9]/.test(text[start - 1] ?? '') || /[A-Za-z0-9]/.test(text[end] ?? '')) continue;
      if (!taken.some((m) => start < m.end && end > m.start)) taken.push({ ...candidate, start, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/**
 * Appends template text, which must come out literally: Handlebars reads `\{{` as a literal `{{`. A `}`
 * right after an expression would make its `}}` a `}}}`: a space between, stripped by `~`, keeps it apart.
 */
function appendText(out: string, chunk: string, afterExpression: boolean): string {
  const escaped = chunk.replace(/\{\{/g, '\\{{');
  return afterExpression && escaped.startsWith('}') ? `${out.slice(0, -2)}~}} ${escaped}` : out + escaped;
}

/**
 * Appends an expression. A backslash right before it would escape it (Handlebars reads `\\{{` as one
 * backslash and the expression), and a `{` would make its `{{` a `{{{`: both are kept apart.
 */
function appendExpression(out: string, expression: string): string {
  if (out.endsWith('{')) return `${out} ${expression.replace(/^\{\{/, '{{~')}`;
  return `${out.endsWith('\\') ? `${out}\\` : out}${expression}`;
}

/**
 * @example generaliseText('name: churn-model\n', 'catalog.yaml', [{ variable: 'name', value: 'churn-model' }]).text
 * // 'name: {{yaml name}}\n'
 */
export function generaliseText(text: string, path: string, values: readonly AnswerValue[]): Generalised {
  const format = fileFormat(path);
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const matches = occurrences(text, values);
  if (format === undefined) {
    const reason = 'the file format is unknown, so no escaping helper is known to be safe';
    return { text, replacements: [], leftovers: matches.map(({ variable, value, start }) => ({ variable, value, line: lineOf(start), reason })) };
  }
  const literals = scanLiterals(text, format);
  const edits: Edit[] = [];
  const requoted = new Map<Literal, Match[]>();
  const leftovers: Leftover[] = [];
  for (const match of matches) {
    const decision = decide(text, match, format, literals);
    if (typeof decision === 'string') leftovers.push({ variable: match.variable, value: match.value, line: lineOf(match.start), reason: decision });
    else if ('literal' in decision) requoted.set(decision.literal, [...(requoted.get(decision.literal) ?? []), match]);
    else edits.push(decision);
  }
  for (const [literal, inside] of requoted) edits.push(requote(text, literal, inside));
  edits.sort((a, b) => a.start - b.start);

  let out = '';
  let cursor = 0;
  let afterExpression = false;
  const append = (part: Part) => {
    if (typeof part === 'string') {
      if (part === '') return;
      out = appendText(out, part, afterExpression);
    } else out = appendExpression(out, part.expression);
    afterExpression = typeof part !== 'string';
  };
  for (const edit of edits) {
    append(text.slice(cursor, edit.start));
    edit.parts.forEach(append);
    cursor = edit.end;
  }
  append(text.slice(cursor));
  const replacements = edits
    .flatMap((edit) => edit.replaced)
    .map(({ match, expression, context }) => ({ variable: match.variable, value: match.value, ...(match.platform ? { platform: true } : {}), line: lineOf(match.start), expression, context }))
    .sort((a, b) => a.line - b.line);
  return { text: edits.length > 0 ? out : text, replacements, leftovers: leftovers.sort((a, b) => a.line - b.line) };
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
