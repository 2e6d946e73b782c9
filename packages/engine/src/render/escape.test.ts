import { execFileSync } from 'node:child_process';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { hclValue, jsonValue, pythonIdentifier, pythonValue, shellWord, tomlValue, yamlValue } from './escape.js';

/** Values chosen to break each format: quotes, escapes, comments, template syntax, line breaks, controls. */
const NASTY = [
  '',
  'plain',
  `it's "quoted" \\ back\\slash`,
  'key: value # not a comment',
  'line one\nline two\r\nthree',
  '{{ handlebars }} ${shell} %{hcl} $(cmd) `tick`',
  '- [a, b]\n? x\n--- \n...',
  'tab\there\u0000nul\u0007bell\u007fdel\u0085nel\u2028ls\u2029ps\ufeffbom',
  'ünïcødé 中文 🤖 עברית',
  'yes',
  'null',
  '0x10',
  '  leading and trailing  ',
  "'''triple''' \"\"\"triple\"\"\"",
];

describe('yamlValue', () => {
  it.each(NASTY)('round-trips %j at any indentation', (value) => {
    const doc = `top:\n  nested:\n    key: ${yamlValue(value)}\n    list: ${yamlValue([value, value])}\n`;
    expect(parseYaml(doc)).toEqual({ top: { nested: { key: value, list: [value, value] } } });
  });
  it('stays on one line', () => {
    for (const value of NASTY) expect(yamlValue(value)).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
  });
});

describe('jsonValue', () => {
  it.each(NASTY)('round-trips %j', (value) => {
    expect(JSON.parse(`{"key": ${jsonValue(value)}}`)).toEqual({ key: value });
  });
});

describe('tomlValue', () => {
  it.each(NASTY)('round-trips %j', (value) => {
    expect(parseToml(`[table]\nkey = ${tomlValue(value)}\nlist = ${tomlValue([value])}\n`)).toEqual({ table: { key: value, list: [value] } });
  });
});

describe('hclValue', () => {
  it.each(NASTY)('round-trips %j', async (value) => {
    const parsed = (await parseHcl('main.tf', `locals {\n  key = ${hclValue(value)}\n}\n`)) as { locals: { key: string }[] };
    // hcl2json reports template sequences literally; an escaped `$${` must come back as text, not as `${`.
    expect(parsed.locals[0]!.key.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')).toBe(value);
    expect(hclValue(value)).not.toMatch(/(^|[^$])\$\{|(^|[^%])%\{/);
  });
});

describe('pythonValue', () => {
  it('round-trips every value through Python literal_eval', () => {
    const source = NASTY.map((value) => pythonValue([value, true, null, 1.5])).join('\n');
    const script = 'import ast, json, sys\nprint(json.dumps([ast.literal_eval(line) for line in sys.stdin.read().split("\\n")]))';
    const out = execFileSync('python3', ['-c', script], { input: source, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(NASTY.map((value) => [value, true, null, 1.5]));
  });
});

describe('pythonIdentifier', () => {
  it('accepts identifiers and rejects anything else', () => {
    expect(pythonIdentifier('churn_model')).toBe('churn_model');
    for (const bad of ['class', '1abc', 'a-b', 'a b', '', 'x;import os']) expect(() => pythonIdentifier(bad)).toThrow(/Python identifier/);
  });
});

describe('shellWord', () => {
  it('is read back by sh as one unchanged word', () => {
    const words = NASTY.filter((value) => !value.includes('\u0000'));
    const script = `for w in ${words.map(shellWord).join(' ')}; do printf '%s\\0' "$w"; done`;
    const out = execFileSync('sh', ['-c', script], { encoding: 'utf8' });
    expect(out.split('\u0000').slice(0, -1)).toEqual(words);
  });
});
