/**
 * Context-aware escaping: each function turns a user's value into a literal of one file format, so the
 * value can never break the syntax of the file it lands in. Handlebars' default HTML escaping is wrong for
 * every format we generate, so templates call these through the helpers in `helpers.ts` instead.
 */
import { stringify as stringifyToml } from 'smol-toml';
import { yamlFlowValue } from '@ai-factory/shared';
import { FactoryError } from '../errors.js';

// Terraform literals are needed by the platform package too (tfvars), so it owns them.
export { hclValue } from '@ai-factory/shared';

/** Code points that YAML 1.1 readers treat as line breaks, or that YAML calls non-printable. */
const UNSAFE_IN_QUOTES = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/gu;

function escapeCodePoints(literal: string): string {
  return literal.replace(UNSAFE_IN_QUOTES, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A YAML flow value on one line: strings become double-quoted scalars, arrays and objects flow collections.
 * One line means the result is valid at any indentation.
 */
export function yamlValue(value: unknown): string {
  return escapeCodePoints(yamlFlowValue(value));
}

/** A JSON value. */
export function jsonValue(value: unknown): string {
  return JSON.stringify(value);
}

/** A TOML value: basic string, number, boolean or inline array. */
export function tomlValue(value: unknown): string {
  const line = stringifyToml({ v: value }).trim();
  return line.slice(line.indexOf('=') + 1).trim();
}

/** A Python literal: str, int, float, bool, None, or a list of those. */
export function pythonValue(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : invalid('Python', value);
  if (typeof value === 'string') return escapeCodePoints(JSON.stringify(value));
  if (Array.isArray(value)) return `[${value.map(pythonValue).join(', ')}]`;
  return invalid('Python', value);
}

const PYTHON_KEYWORDS = new Set(
  ('False None True and as assert async await break class continue def del elif else except finally for ' +
    'from global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '),
);

/** A Python identifier, checked rather than escaped: there is no way to quote one. */
export function pythonIdentifier(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(value) || PYTHON_KEYWORDS.has(value)) {
    throw new FactoryError('render', `${JSON.stringify(value)} is not a valid Python identifier`);
  }
  return value;
}

/** One POSIX shell word, single-quoted. */
export function shellWord(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return invalid('shell', value);
  return `'${String(value).replace(/'/g, `'\\''`)}'`;
}

function invalid(format: string, value: unknown): never {
  throw new FactoryError('render', `cannot write ${typeof value} ${JSON.stringify(value)} as a ${format} literal`);
}
