import { execFileSync } from 'node:child_process';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { insideComment, insideHclString, insidePythonString, insideString } from './inside.js';

/** Values chosen to break each literal from inside: quotes, escapes, braces, template syntax, line breaks, controls. */
const NASTY = [
  'plain',
  `it's "quoted" \\ back\\slash\\`,
  'key: value # not a comment',
  'line one\nline two\r\nthree',
  '{{ handlebars }} ${shell} %{hcl} $(cmd) `tick` {x} }{',
  "'''triple''' \"\"\"triple\"\"\"",
  'tab\there\u0000nul\u0007bell\u007fdel\u0085nel\u2028ls\u2029ps\ufeffbom',
  'ünïcødé 中文 🤖 עברית',
];
/** Text either side of the value, so a value cannot merge with what surrounds it. */
const around = (inner: string) => `pre-${inner}-post`;
const expected = NASTY.map(around);

const python = (source: string, expression: string) =>
  JSON.parse(execFileSync('python3', ['-c', `import json, sys\n${source}\nprint(json.dumps(${expression}))`], { encoding: 'utf8' }));

describe('insideString', () => {
  it('reads back from a JSON string, a YAML double-quoted scalar and TOML basic strings', () => {
    for (const [value, want] of NASTY.map((v, i) => [v, expected[i]!] as const)) {
      const inner = around(insideString(value));
      expect(JSON.parse(`{"k": "${inner}"}`)).toEqual({ k: want });
      expect(parseYaml(`top:\n  k: "${inner}"\n  # "${inner}"\n`)).toEqual({ top: { k: want } });
      expect(parseToml(`k = "${inner}"\nm = """${inner}"""\n`)).toEqual({ k: want, m: want });
    }
  });
});

describe('insidePythonString', () => {
  it('reads back from every quoting of str and f-strings', () => {
    const quotings = ['"', "'", '"""', "'''"];
    const lines = NASTY.flatMap((value) => quotings.flatMap((q) => [`${q}${around(insidePythonString(value))}${q}`, `f${q}${around(insidePythonString(value))}${q}`]));
    const values = python(`values = [\n${lines.map((line) => `    ${line},`).join('\n')}\n]`, 'values');
    expect(values).toEqual(NASTY.flatMap((_, i) => Array(quotings.length * 2).fill(expected[i])));
  });
});

describe('insideHclString', () => {
  it('reads back from a quoted string, and never starts a template sequence with the text beside it', async () => {
    for (const [value, want] of NASTY.map((v, i) => [v, expected[i]!] as const)) {
      const parsed = (await parseHcl('main.tf', `locals {\n  k = "${around(insideHclString(value))}"\n  j = "$${insideHclString('{x}')}%"\n}\n`)) as { locals: { k: string; j: string }[] };
      // hcl2json writes a literal `${` back as `$${`.
      expect(parsed.locals[0]!.k.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')).toBe(want);
      expect(parsed.locals[0]!.j).toBe('$${x}%');
    }
  });
});

describe('insideComment', () => {
  it('keeps a line comment on its line in Python, YAML, TOML and sh', () => {
    const comments = NASTY.map(insideComment);
    expect(python(comments.map((c, i) => `a${i} = ${i}  # ${c}`).join('\n'), `[${comments.map((_, i) => `a${i}`).join(', ')}]`)).toEqual(comments.map((_, i) => i));
    const numbered = Object.fromEntries(comments.map((_, i) => [`a${i}`, i]));
    expect(parseYaml(comments.map((c, i) => `a${i}: ${i} # ${c}`).join('\n'))).toEqual(numbered);
    expect(parseToml(comments.map((c, i) => `a${i} = ${i} # ${c}`).join('\n'))).toEqual(numbered);
    expect(execFileSync('sh', ['-c', comments.map((c, i) => `echo ${i} # ${c}`).join('\n')], { encoding: 'utf8' })).toBe(comments.map((_, i) => `${i}\n`).join(''));
  });
});
