/**
 * Quoted YAML scalars, mirroring the `yaml` package's choice (yaml 2.x, stringifyString.js) so the emitter's
 * output is byte-identical to what the factory wrote with it; only its line folding is left out (we write
 * with line width 0, so the only fold left would be of long double-quoted strings with line breaks).
 */

// YAML's short escapes for code points that JSON writes as \u00XX or \u20XX.
const SHORT_ESCAPES: Record<string, string> = {
  '0000': '\\0',
  '0007': '\\a',
  '000b': '\\v',
  '001b': '\\e',
  '0085': '\\N',
  '00a0': '\\_',
  '2028': '\\L',
  '2029': '\\P',
};

/**
 * A double-quoted scalar: the JSON string with YAML's shorter escapes, a space before an escaped line break
 * escaped too (a YAML reader would otherwise fold it away), and a byte order mark escaped (a reader drops
 * one at the start of a document; the `yaml` package writes it raw).
 */
export function doubleQuoted(value: string): string {
  // One left-to-right pass, so an escaped backslash is never read as the start of another escape.
  return JSON.stringify(value).replace(/ (?=\\n)|\ufeff|\\(?:u([0-9a-f]{4})|.)/g, (match, code?: string) => {
    if (match === ' ') return '\\ ';
    if (match === '\ufeff') return '\\ufeff';
    if (code === undefined) return match;
    return SHORT_ESCAPES[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : match);
  });
}

/** Single quotes for a one-line string that has `"` but no `'`, double quotes otherwise. */
export function quoted(value: string): string {
  const single = value.includes('"') && !value.includes("'") && !value.includes('\n');
  return single ? `'${value}'` : doubleQuoted(value);
}
