/**
 * Escaping for a value written *inside* a literal the template already opened: part of a quoted string
 * (`"registry/{{inString name}}:1"`) or of a comment (`# owned by {{inComment team}}`). The whole-value
 * helpers in `escape.ts` write a complete literal and are the first choice; these exist for text around
 * a value that must stay as it is, which is what `ai-factory contribute` finds in files teams wrote.
 * Each result is safe only in the kind of literal its name says.
 */
import { hclValue } from '@ai-factory/shared';
import { FactoryError } from '../errors.js';

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new FactoryError('render', `cannot write ${typeof value} ${JSON.stringify(value)} inside ${where}`);
  }
  return String(value);
}

const hex = (ch: string, width: number, prefix: string) => `${prefix}${ch.charCodeAt(0).toString(16).padStart(width, '0')}`;

/**
 * The inside of a double-quoted string in JSON, YAML or TOML: the three share JSON's escapes (`\"`,
 * `\\`, `\n`, `\uXXXX`). DEL, C1 controls and the Unicode line separators are escaped too, since YAML
 * readers and TOML treat them as breaks or forbid them.
 * @example `"registry/${insideString('fraud "x"')}:1"` // "registry/fraud \"x\":1"
 */
export function insideString(value: unknown): string {
  return JSON.stringify(text(value, 'a string')).slice(1, -1).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/gu, (ch) => hex(ch, 4, '\\u'));
}

/**
 * The inside of any Python `str` literal that is not raw: single, double or triple quoted, and f-strings,
 * where braces are written as `\x7b`/`\x7d` so they are never read as a replacement field.
 */
export function insidePythonString(value: unknown): string {
  return insideString(value)
    .replace(/'/g, "\\'")
    .replace(/[{}]/g, (ch) => hex(ch, 2, '\\x'));
}

/**
 * The inside of an HCL quoted string. `$`, `%` and `{` are written as `\u` escapes, which HCL decodes after
 * it looks for `${` and `%{`, so neither the value nor the value with the text beside it can start a
 * template sequence.
 */
export function insideHclString(value: unknown): string {
  return hclValue(text(value, 'an HCL string'))
    .slice(1, -1)
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{')
    .replace(/[$%{]/g, (ch) => hex(ch, 4, '\\u'));
}

/**
 * Text inside a line comment (`#`, `//`) of any format: line breaks and other control characters become
 * spaces, since nothing can be escaped in a comment and a line break would end it.
 */
export function insideComment(value: unknown): string {
  // Control characters are exactly what must go.
  // eslint-disable-next-line no-control-regex
  return text(value, 'a comment').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, ' ');
}
