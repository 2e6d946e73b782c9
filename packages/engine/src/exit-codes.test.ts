import { describe, expect, expectTypeOf, it } from 'vitest';
import { FactoryError, type FactoryErrorCode, type FailureCode } from './errors.js';
import { jsonFailure } from './exit-codes.js';

describe('a failure as --json reports it', () => {
  it('is one document with the code, the message and the hint when there is one', () => {
    expect(JSON.parse(jsonFailure('usage', 'Unknown option --nope', 'Run --help.'))).toEqual({ ok: false, error: { code: 'usage', message: 'Unknown option --nope', hint: 'Run --help.' } });
    expect(JSON.parse(jsonFailure('internal', 'boom'))).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
  });

  it('has a code from the table of codes, never any string', () => {
    expectTypeOf<FailureCode>().toEqualTypeOf<FactoryErrorCode | 'internal'>();
    expectTypeOf<'usage'>().toExtend<FactoryErrorCode>();
    expectTypeOf<string>().not.toExtend<FailureCode>();
    // @ts-expect-error a code no failure has
    expect(jsonFailure('anything', 'message')).toContain('anything');
    // @ts-expect-error FactoryError takes only its own codes
    expect(new FactoryError('anything', 'message').code).toBe('anything');
  });
});
