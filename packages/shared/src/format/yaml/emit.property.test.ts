import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, isPair, isScalar, parse, stringify, visit } from 'yaml';
import { emitYaml, type CommentPairs } from './index.js';
import { valueTree } from './test-values.js';

// Pieces that each trip some YAML rule: indicators, comment and mapping markers, quotes, line breaks,
// spaces at the ends, type look-alikes, document markers, YAML 1.1 line breaks, control characters.
const NASTY = [
  ': ', ' #', '#', '-', '?', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', ' ', '\t',
  '\n', '\r', '', 'true', 'false', 'null', '~', 'yes', 'on', '1', '1.0', '0x1f', '1e3', '.inf', '-.5', '2024-01-01',
  '---', '...', '\u2028', '\u0085', '\u00a0', '\ufeff', '😀', '\u0000', '\u0007', '\u001b', '\u007f', '\ud800', '\\', 'a', 'b c',
];
const nasty = fc.array(fc.constantFrom(...NASTY), { maxLength: 6 }).map((parts) => parts.join(''));
const nastyValue = valueTree(nasty, fc.oneof(fc.double(), fc.integer(), fc.constant(-0)), nasty, { items: 4, keys: 4 });

// What the factory writes: identifier-like keys, command-like strings, multi-line shell scripts.
const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
const command = fc.array(fc.oneof(word, fc.constantFrom('--flag', '${{ inputs.env }}', '$(cat x)', 'a=b', './run.sh', '"quoted"', "'q'")), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const script = fc.array(fc.oneof(command, fc.constant(''), command.map((c) => `  ${c}`)), { minLength: 2, maxLength: 5 }).map((lines) => lines.join('\n'));
const text = fc.oneof(word, command, script, script.map((s) => `${s}\n`), fc.constantFrom('true', '8080', '3.11', 'v1.2.3', '*', 'x:y', 'a: b'));
const realistic = valueTree(text, fc.integer(), word, { items: 4, keys: 5 });

/** The `yaml` package with the same comments set on its document's pairs: the reference for `emitYaml`. */
function withLibrary(value: unknown, comments: CommentPairs): string {
  const doc = new Document(value);
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key)) return;
      const notes = comments(String(pair.key.value), isScalar(pair.value) ? pair.value.value : pair.value);
      if (notes?.before) pair.key.commentBefore = notes.before;
      if (notes?.after && isScalar(pair.value)) pair.value.comment = notes.after;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/**
 * The yaml package's bytes are the reference only where they read back as the value: a root string starting
 * with a space it writes as `|1` at column 0, which it (and PyYAML) reads back as another string or not at all.
 */
function reference(text: string, value: unknown): string {
  let back: unknown;
  try {
    back = parse(text);
  } catch {
    back = Symbol('does not parse');
  }
  fc.pre(isDeepStrictEqual(back, value));
  return text;
}

describe('emitYaml properties', () => {
  it('reads back as the value it wrote, for any value', () => {
    fc.assert(
      fc.property(fc.oneof(nastyValue, fc.dictionary(nasty, nastyValue)), (value) => {
        expect(parse(emitYaml(value))).toEqual(value);
      }),
      { numRuns: 2000 },
    );
  });

  // At the root a block scalar has no parent indentation to count from: a string there is its own case.
  it('reads back as the string it wrote, for any string at the root', () => {
    fc.assert(
      fc.property(nasty, (value) => {
        expect(parse(emitYaml(value))).toEqual(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the bytes the yaml package writes, for the values the factory generates', () => {
    fc.assert(
      fc.property(realistic, (value) => {
        expect(emitYaml(value)).toBe(reference(stringify(value, { lineWidth: 0, aliasDuplicateObjects: false }), value));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes comments where the yaml package writes them', () => {
    const comments: CommentPairs = (key, value) =>
      key.length % 3 === 0 ? undefined : { before: key.length % 2 ? ` about ${key}` : ` one\n two`, after: typeof value === 'string' ? ' v1.2.3' : undefined };
    fc.assert(
      fc.property(realistic, (value) => {
        expect(emitYaml(value, comments)).toBe(reference(withLibrary(value, comments), value));
      }),
      { numRuns: 1000 },
    );
  });
});
