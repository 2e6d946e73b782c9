import { describe, expect, expectTypeOf, it } from 'vitest';
import { failedChange, type ChangeReport } from '../modules/report.js';
import { failedUpgrade, summarize, type UpgradeFailureCode, type UpgradeReport, type UpgradeStatus } from './report.js';

describe('a failed report', () => {
  it('of an upgrade changed nothing, and says why', () => {
    const report = failedUpgrade('/r', { code: 'dirty', message: 'The working tree has changes.' });
    expect(report).toEqual({ repo: '/r', status: 'failed', filesChanged: [], codemodsApplied: [], conflicts: [], keptDeleted: [], keptLinks: [], discardedManagedEdits: [], durationMs: 0, error: { code: 'dirty', message: 'The working tree has changes.' } });
    expect(summarize(report)).toBe('/r: failed\n  error (dirty): The working tree has changes.');
    // Without an error: the report a run starts from, with no `error` key for JSON to print.
    expect('error' in failedUpgrade('/r')).toBe(false);
  });

  it('of add, remove or eject changed nothing, and says why', () => {
    expect(failedChange('/r', 'add', { code: 'unknown-module', message: 'No module ops/nope.' })).toEqual({
      repo: '/r', command: 'add', status: 'failed', modules: [], filesChanged: [], conflicts: [], kept: [], ejected: [], durationMs: 0, error: { code: 'unknown-module', message: 'No module ops/nope.' },
    });
  });

  it('has a status and a code from their tables, never any string', () => {
    expectTypeOf<UpgradeReport['status']>().toEqualTypeOf<UpgradeStatus>();
    expectTypeOf<string>().not.toExtend<UpgradeStatus>();
    expectTypeOf<string>().not.toExtend<ChangeReport['status']>();
    expectTypeOf<string>().not.toExtend<UpgradeFailureCode>();
    expectTypeOf<string>().not.toExtend<NonNullable<ChangeReport['error']>['code']>();
    // @ts-expect-error a code no upgrade failure has
    expect(failedUpgrade('/r', { code: 'anything', message: '' }).error?.code).toBe('anything');
  });
});
