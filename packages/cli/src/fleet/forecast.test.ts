/** The forecast's figures from reports, its text, and its file: written, read back, anything else refused. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { NOTHING_CHANGED, type UpgradeFailureCode } from '../upgrade/report.js';
import { formatForecast } from './forecast-format.js';
import { forecastOf, readForecast, writeForecast } from './forecast.js';
import type { FleetRepoReport } from './report.js';

const report = (index: number, fields: Partial<FleetRepoReport>): FleetRepoReport => ({ index, repo: `/fleet/r${index}`, status: 'upgraded', ...NOTHING_CHANGED, durationMs: 1, dryRun: true, ...fields });
const REPORTS: FleetRepoReport[] = [
  report(3, { status: 'failed', error: { code: 'dirty', message: 'The working tree has uncommitted changes\nmore' } }),
  report(0, { codemodsApplied: ['split-monitoring', 'rename-define-project'], codemodFiles: { 'split-monitoring': ['ai-factory.config.ts'], 'rename-define-project': ['ai-factory.config.ts', 'src/extra.ts'] } }),
  report(1, { status: 'conflicts', conflicts: ['README.md', 'ci/train.yml'], codemodsApplied: ['split-monitoring'], codemodFiles: { 'split-monitoring': ['ai-factory.config.ts'] } }),
  report(2, { status: 'conflicts', conflicts: ['README.md'] }),
  report(4, { status: 'up-to-date' }),
  report(5, { status: 'failed', error: { code: 'dirty', message: 'x' } }),
  report(6, { status: 'failed', error: { code: 'malformed-config', message: 'y' } }),
];

describe('forecastOf', () => {
  it('counts outcomes as a run does, conflicting files, codemods with their files, and failures by code, most first', () => {
    const forecast = forecastOf(REPORTS, '0.3.0', new Date('2026-03-01T00:00:00Z'));
    expect(forecast).toMatchObject({ kind: 'ai-factory-fleet-forecast', factoryVersion: '0.3.0', generatedAt: '2026-03-01T00:00:00.000Z', total: 7 });
    expect(forecast.counts).toEqual({ upgraded: 1, 'up-to-date': 1, conflicts: 2, failed: 3 });
    expect(forecast.conflicts).toEqual([{ path: 'README.md', repositories: 2 }, { path: 'ci/train.yml', repositories: 1 }]);
    expect(forecast.codemods).toEqual([
      { codemod: 'split-monitoring', repositories: 2, files: [{ path: 'ai-factory.config.ts', repositories: 2 }] },
      { codemod: 'rename-define-project', repositories: 1, files: [{ path: 'ai-factory.config.ts', repositories: 1 }, { path: 'src/extra.ts', repositories: 1 }] },
    ]);
    expect(forecast.failures).toEqual([{ code: 'dirty', repositories: 2 }, { code: 'malformed-config', repositories: 1 }]);
    expectTypeOf(forecast.failures[0]!.code).toEqualTypeOf<UpgradeFailureCode | 'unknown'>();
    expect(forecast.repositories.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('prints the totals, each list, and what needs attention with the first line of each error', () => {
    const text = formatForecast(forecastOf(REPORTS, '0.3.0'));
    expect(text).toContain('7 repositories (dry run: nothing written)');
    expect(text).toContain('1 upgrade cleanly, 1 up to date, 2 with conflicts, 3 would fail');
    expect(text).toMatch(/^ {2}README\.md {5}2$/m);
    expect(text).toMatch(/^ {2}split-monitoring {7}2 {2}ai-factory\.config\.ts \(2\)$/m);
    expect(text).toContain('  #1 /fleet/r1: conflicts in README.md, ci/train.yml');
    expect(text).toContain('  #3 /fleet/r3: dirty: The working tree has uncommitted changes\n');
    expect(formatForecast(forecastOf([report(0, {})], '0.3.0'))).not.toContain('Conflicting files');
  });

  it('writes a file that reads back, and refuses a file that is not a forecast', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forecast-'));
    const forecast = forecastOf(REPORTS, '0.3.0');
    writeForecast(join(dir, 'forecast.json'), forecast);
    expect(readForecast(join(dir, 'forecast.json'))).toEqual(forecast);
    writeFileSync(join(dir, 'summary.json'), JSON.stringify({ total: 1, counts: {}, repositories: [] }));
    expect(() => readForecast(join(dir, 'summary.json'))).toThrow(/is not a forecast/);
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(() => readForecast(join(dir, 'broken.json'))).toThrow(/Cannot read the forecast .*broken\.json/);
  });
});
