/**
 * Finds interpolations that bypass escaping: in a structured format (YAML, HCL, TOML, Python, shell,
 * Dockerfile, JSON) every `{{value}}` must go through that format's escaping helper, or a user's answer can
 * break the file (or inject into it). Block helpers (`#if`, `#each`, `#unless`) only choose what to render.
 */
import { handlebarsCompiler } from '../render/compiler.js';
import { INSIDE_LITERAL_HELPERS } from '../render/helpers.js';
import { fileFormat, isFreeFormat, safeHelpers } from './format.js';

export interface EscapingViolation {
  line: number;
  column: number;
  /** The interpolation as written, e.g. `{{name}}`. */
  expression: string;
  message: string;
}

type Node = hbs.AST.Node;

function source(node: hbs.AST.MustacheStatement): string {
  const path = node.path as hbs.AST.PathExpression;
  const params = node.params.map((p) => ('original' in p ? String((p as hbs.AST.PathExpression).original) : p.type));
  return `{{${[path.original ?? path.type, ...params].join(' ')}}}`;
}

/** Every mustache and partial in the template, in document order, including those inside blocks. */
function* statements(node: Node | null | undefined): Generator<hbs.AST.MustacheStatement | hbs.AST.PartialStatement> {
  if (!node) return;
  if (node.type === 'Program') for (const child of (node as hbs.AST.Program).body) yield* statements(child);
  if (node.type === 'BlockStatement') {
    yield* statements((node as hbs.AST.BlockStatement).program);
    yield* statements((node as hbs.AST.BlockStatement).inverse);
  }
  if (node.type === 'MustacheStatement' || node.type === 'PartialStatement') yield node as hbs.AST.MustacheStatement;
}

/**
 * The interpolations in `template` that are not escaped for the format of `path`.
 * Throws when the template does not parse.
 * @example findUnescaped('name: {{name}}\n', 'catalog.yaml.hbs') // [{ line: 1, expression: '{{name}}', ... }]
 */
export function findUnescaped(template: string, path: string): EscapingViolation[] {
  const format = fileFormat(path);
  if (isFreeFormat(format)) return [];
  const allowed = format ? safeHelpers(format) : [];
  const violations: EscapingViolation[] = [];
  for (const node of statements(handlebarsCompiler().parse(template))) {
    const at = { line: node.loc.start.line, column: node.loc.start.column + 1 };
    if (node.type === 'PartialStatement') {
      violations.push({ ...at, expression: '{{> …}}', message: 'partials are not escaped; inline the text instead' });
      continue;
    }
    const name = node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression).original : undefined;
    const isHelperCall = node.params.length > 0;
    if (isHelperCall && name !== undefined && allowed.includes(name)) continue;
    const expression = source(node);
    const inside = allowed.filter((helper) => INSIDE_LITERAL_HELPERS.includes(helper as never));
    const whole = allowed.filter((helper) => !inside.includes(helper));
    const fix = format
      ? `use ${whole.map((helper) => `{{${helper} …}}`).join(' or ')} for ${format}` +
        (inside.length ? ` (inside a string or comment the template opened: ${inside.map((helper) => `{{${helper} …}}`).join(', ')})` : '')
      : 'the file format is unknown, so no helper is known to be safe; use a known extension';
    violations.push({
      ...at,
      expression,
      message: isHelperCall ? `helper "${name}" does not escape for ${format ?? 'this format'}: ${fix}` : `unescaped interpolation: ${fix}`,
    });
  }
  return violations;
}
