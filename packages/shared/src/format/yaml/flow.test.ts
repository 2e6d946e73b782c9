import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { yamlFlowValue } from './flow.js';
import { valueTree } from './test-values.js';

const FLOW_OPTIONS = { lineWidth: 0, doubleQuotedAsJSON: true, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', collectionStyle: 'flow' } as const;
const NASTY = ['', 'a', 'b c', ': ', ' #', '#', '-', '?', '[', ']', '{', '}', ',', '&', '*', "'", '"', '\n', '\t', 'true', 'null', '1', '1e3', '---', '\u2028', '\u0000', '😀'];
const text = fc.array(fc.constantFrom(...NASTY), { maxLength: 5 }).map((parts) => parts.join(''));
const value = valueTree(text, fc.double(), text, { items: 3, keys: 3 });

describe('yamlFlowValue', () => {
  it('reads back as the value, on one line, nested at any indentation', () => {
    fc.assert(
      fc.property(value, (v) => {
        const line = yamlFlowValue(v);
        expect(line).not.toMatch(/[\n\r]/);
        expect(parse(`top:\n  key: ${line}\n`)).toEqual({ top: { key: v } });
      }),
      { numRuns: 1000 },
    );
  });

  it('writes what the yaml package writes in flow style, except for keys with quotes', () => {
    const plainKeys = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9 _-]{0,6}$/), text, { maxKeys: 3 });
    fc.assert(
      fc.property(fc.oneof(value.filter((v) => typeof v !== 'object' || v === null), fc.array(text), plainKeys), (v) => {
        expect(yamlFlowValue(v)).toBe(stringify(v, FLOW_OPTIONS).trimEnd());
      }),
      { numRuns: 500 },
    );
  });

  it('refuses undefined, which a template gets for a variable that does not exist, and writes undefined items as null', () => {
    expect(() => yamlFlowValue(undefined)).toThrow('undefined is not a YAML value');
    expect(yamlFlowValue([undefined, { a: undefined, b: 1 }])).toBe(stringify([undefined, { a: undefined, b: 1 }], FLOW_OPTIONS).trimEnd());
  });
});
