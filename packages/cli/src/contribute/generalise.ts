/**
 * Turns a file lifted from a generated project back into a template: each recorded answer value becomes the
 * template variable it came from, through the escaping helper for the place it stands in (see
 * `literals/`): a whole literal gets the format's value helper (`{{yaml team}}`), part of a string the
 * helper for the inside of that string (`"{{inPyString packageName}}.features"`), a comment or docstring
 * `{{inComment …}}`/`{{inPyString …}}`, a Python identifier `{{pyIdent packageName}}`, a shell word
 * `{{sh name}}`. A YAML plain or single-quoted scalar with a value inside is rewritten as a double-quoted
 * one. Whatever has no certain context is left as it is and reported.
 */
import { fileFormat, insideString, isFreeFormat, type TemplateFormat } from '@ai-factory/engine';
import { scanLiterals, type Literal } from './literals/index.js';
import { insideInterpolation } from './literals/interpolation.js';

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

/** The helper that writes a whole string literal in each format. */
const LITERAL_HELPER: Partial<Record<TemplateFormat, string>> = { yaml: 'yaml', json: 'json', toml: 'toml', hcl: 'hcl', python: 'py', shell: 'sh', dockerfile: 'sh' };
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SHELL_WORD = /^[\w./:@%+,-]+$/;

interface Match extends AnswerValue {
  start: number;
  end: number;
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

/** Text of the template, or a Handlebars expression. */
type Part = string | { expression: string };

/** One change to the file: the span it replaces and what it writes instead. */
interface Edit {
  start: number;
  end: number;
  parts: Part[];
  replaced: { match: Match; expression: string; context: ReplacementContext }[];
}

/** A literal to rewrite as a double-quoted string, with the values inside it. */
interface Requote {
  literal: Literal;
}

const single = (match: Match, start: number, end: number, parts: Part[], expression: string, context: ReplacementContext): Edit => ({
  start, end, parts, replaced: [{ match, expression, context }],
});

const PLATFORM_LEFT = 'a platform answer in a larger string or in code may name the platform itself (a CLI, an ARN, an SDK); limit the module with `when` if it only works there';

/** How to generalise one occurrence: an edit, a literal to re-quote, or why it is left as it is. */
function decide(text: string, m: Match, format: TemplateFormat, literals: readonly Literal[]): Edit | Requote | string {
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
function requote(text: string, literal: Literal, matches: readonly Match[]): Edit {
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
