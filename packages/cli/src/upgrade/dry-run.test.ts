/** `dryRun` with `diff: false`, as a fleet forecast asks: the same report, no diff computed, nothing written. */
import { repoState, teamEdit } from '@ai-factory/testing';
import { describe, expect, it } from 'vitest';
import { repoFrom, upgradeContext } from './test-repos.js';
import { upgradeRepository } from './upgrade.js';

const context = await upgradeContext();

describe('upgradeRepository dry run', () => {
  it('reports the same without the diff when told not to compute it, and writes nothing either way', async () => {
    const dir = await repoFrom('factory-0.1.0/gcp-tabular');
    await teamEdit(dir, 'Sizes of our own', { 'infra/sizes.ts': () => 'import { cpu } from "@ai-factory/shared";\n\nexport const big = cpu({ cores: 8 });\n' });
    const before = await repoState(dir);
    const withDiff = await upgradeRepository(dir, context, { dryRun: true });
    const without = await upgradeRepository(dir, context, { dryRun: true, diff: false });
    expect(withDiff.diff).toMatch(/^\+\+\+ .*\/infra\/sizes\.ts$/m);
    expect(without.diff).toBeUndefined();
    const { durationMs: _a, ...reported } = without.report;
    const { durationMs: _b, ...expected } = withDiff.report;
    expect(reported).toEqual(expected);
    expect(reported).toMatchObject({ status: 'upgraded', dryRun: true, codemodFiles: { 'cpu-cores-to-vcpus': ['infra/sizes.ts'] } });
    expect(await repoState(dir)).toEqual(before);
  });
});
