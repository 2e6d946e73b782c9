/** Terraform (HCL) literals, for tfvars files and the factory's HCL templates. */

/** An HCL (Terraform) literal: string, number, bool, list or map. In strings, `${` and `%{` are escaped so a value is never a template sequence. */
export function hclValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(hclValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value).map(([key, item]) => `${hclValue(key)} = ${hclValue(item)}`).join(', ')} }`;
  }
  if (typeof value !== 'string') throw new TypeError(`cannot write ${typeof value} ${JSON.stringify(value)} as an HCL literal`);
  const body = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\$\{/g, () => '$${') // a function, since '$$' in a replacement string means '$'
    .replace(/%\{/g, '%%{')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // Control characters are exactly what must be escaped here.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${body}"`;
}
