/** fast-check values for the emitter's property tests: trees of maps and lists over the leaves a test picks. */
import fc from 'fast-check';

/** Values made of `leaf`s, numbers, booleans and null, nested in lists and maps keyed by `key`. */
export function valueTree(leaf: fc.Arbitrary<unknown>, number: fc.Arbitrary<number>, key: fc.Arbitrary<string>, size: { items: number; keys: number }): fc.Arbitrary<unknown> {
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      number,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: size.items }),
      fc.dictionary(key, tie('value'), { maxKeys: size.keys }),
    ),
  })).value;
}
