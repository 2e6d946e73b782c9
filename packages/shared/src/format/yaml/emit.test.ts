import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { emitYaml } from './index.js';

const library = (value: unknown) => stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });

describe('emitYaml', () => {
  it.each([
    ['skipped undefined pairs and null items', { a: undefined, b: [undefined, 1] }],
    ['a root string', 'x'],
    ['an empty string', { k: '', '': 1 }],
    ['nested and empty collections', { a: [[1, 2], [], {}], b: { c: {} }, d: [{ e: 1, f: [1] }] }],
    ['kept, clipped and indented blocks', { keep: 'a\n\n', clip: 'a\nb\n', lead: ' a\nb', tail: 'a\n ' }],
    ['a root block with trailing breaks', 'a\n\n'],
    ['document markers', { x: '--- a', '--- k': { '--- b': 1 }, s: 'a\n--- b' }],
    ['a root document marker', '--- a'],
    ['quotes', { s: 'a"b', t: "it's", u: `"x'y`, v: 'a \nb\u0000c\u0085\u2028' }],
    ['type look-alikes', ['true', 'null', '~', '1', '1.0', '0x1f', '1e3', '.inf', 'yes', '2024-01-01', -0, 1e21, Infinity]],
    ['a long key', { ['k'.repeat(1100)]: [1], ['j'.repeat(1100)]: 'v' }],
  ])('writes %s as the yaml package does', (_, value) => {
    expect(emitYaml(value)).toBe(library(value));
  });

  // Where the yaml package writes something that reads back as another value, the emitter quotes.
  it.each([
    ['a byte order mark', { '\ufeff': '\ufeffa' }, '"\\ufeff": "\\ufeffa"\n'],
    ['whitespace with spaces and line breaks', { a: ' \n', b: ['\t \n\n'] }, 'a: "\\ \\n"\nb:\n  - "\\t\\ \\n\\n"\n'],
  ])('quotes %s so that it reads back', (_, value, expected) => {
    expect(emitYaml(value)).toBe(expected);
    expect(parse(expected)).toEqual(value);
  });

  // The yaml package writes these as `|1` at column 0, which it reads back as "#\n" or cannot parse.
  it.each([
    ['a root block starting with a space', ' #\n', '|2\n   #\n'],
    ['a root block whose first line is indented', ' a\nb', '|2-\n   a\n  b\n'],
  ])('indents %s by two, so that it reads back', (_, value, expected) => {
    expect(emitYaml(value)).toBe(expected);
    expect(parse(expected)).toEqual(value);
  });

  it('rejects values that are not plain data', () => {
    expect(() => emitYaml({ at: new Date(0) })).toThrow(TypeError);
    expect(() => emitYaml({ f: () => 1 })).toThrow(TypeError);
  });
});
