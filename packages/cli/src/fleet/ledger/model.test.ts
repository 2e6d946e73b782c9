import { describe, expect, it } from 'vitest';
import { NOTHING_CHANGED } from '../../upgrade/report.js';
import { forecastOf } from '../forecast.js';
import type { RepoStatus } from '../status.js';
import { renderLedger, shortName, uniqueNames } from './html.js';
import { buildLedger } from './model.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const row = (repo: string, fields: Partial<RepoStatus>): RepoStatus => ({ repo, modules: [], upgradeBranches: [], upgradeWaiting: false, ...fields });
const onVersion = (version: string, behind: boolean, fields: Partial<RepoStatus> = {}) => ({
  factoryVersion: version, sharedVersion: behind ? '1.0.0' : '2.1.0', preset: 'azure-tabular', modules: ['core/project', 'ml/tabular-core'], behind, ...fields,
});

const ROWS: RepoStatus[] = [
  row('/fleet/a', { ...onVersion('0.3.0', false), manifestChangedAt: '2026-02-28T12:00:00Z', lastRun: { status: 'up-to-date', conflicts: [] } }),
  row('/fleet/b', { ...onVersion('0.1.0', true, { preset: 'gcp-tabular', upgradeWaiting: true, upgradeBranches: ['ai-factory/upgrade-0.3.0'] }), manifestChangedAt: '2025-08-01T12:00:00Z', lastRun: { status: 'conflicts', conflicts: ['README.md', 'ai-factory.config.ts'] } }),
  row('/fleet/c', { ...onVersion('0.10.0', true, { modules: ['core/project'] }), manifestChangedAt: '2025-12-01T12:00:00Z', lastRun: { status: 'conflicts', conflicts: ['README.md'] } }),
  row('/fleet/d', { ...onVersion('0.1.0', true), lastRun: { status: 'failed', conflicts: [], error: 'malformed-config: cloud "mars"' } }),
  row('/fleet/e', { error: 'not a git repository: fatal' }),
];

describe('buildLedger', () => {
  it('counts versions (newest first), presets, modules, upgrade states, the last run, conflicts by file, failures by code, and ages', () => {
    const ledger = buildLedger(ROWS, '0.3.0', NOW, { withReports: true });
    expect(ledger.factoryVersions).toEqual([{ label: '0.10.0', value: 1 }, { label: '0.3.0', value: 1 }, { label: '0.1.0', value: 2 }]);
    expect(ledger.sharedVersions).toEqual([{ label: '2.1.0', value: 1 }, { label: '1.0.0', value: 3 }]);
    expect(ledger.presets).toEqual([{ label: 'azure-tabular', value: 3 }, { label: 'gcp-tabular', value: 1 }]);
    expect(ledger.modules).toEqual([{ label: 'core/project', value: 4 }, { label: 'ml/tabular-core', value: 3 }]);
    expect(ledger.upgrades).toEqual([{ label: 'current', value: 1 }, { label: 'upgrade waiting', value: 1 }, { label: 'behind', value: 2 }, { label: 'unreadable', value: 1 }]);
    expect(ledger.lastRun).toEqual([
      { label: 'upgraded', value: 0 }, { label: 'up-to-date', value: 1 }, { label: 'conflicts', value: 2 }, { label: 'failed', value: 1 }, { label: 'not in the reports', value: 1 },
    ]);
    expect(ledger.conflicts).toEqual([{ label: 'README.md', value: 2 }, { label: 'ai-factory.config.ts', value: 1 }]);
    expect(ledger.failures).toEqual([{ label: 'malformed-config', value: 1 }]);
    expect(ledger.rows.map((r) => r.ageDays)).toEqual([1, 212, 90, undefined, undefined]);
  });

  it('draws no run charts without reports, no forecast charts without a forecast, no wave chart without waves', () => {
    const ledger = buildLedger(ROWS, '0.3.0', NOW, { withReports: false });
    expect([ledger.lastRun, ledger.forecast, ledger.waves]).toEqual([undefined, undefined, []]);
    expect(renderLedger(ledger)).not.toMatch(/id="(last-run|forecast|waves)"/);
  });

  it('counts repositories per wave in rollout order, the remainder in the 100% wave', () => {
    const waved = ROWS.map((r, i) => ({ ...r, wave: [10, 50, 100, 100, 50][i]! }));
    expect(buildLedger(waved, '0.3.0', NOW, { withReports: false, waves: [10, 25, 50] }).waves).toEqual([
      { label: '10%', value: 1 }, { label: '25%', value: 0 }, { label: '50%', value: 2 }, { label: '100%', value: 2 },
    ]);
  });

  it('charts a forecast as its own figures: outcomes in run order, conflicting files, codemods and their files', () => {
    const report = (index: number, fields: object) => ({ index, repo: `/fleet/${index}`, status: 'upgraded' as const, ...NOTHING_CHANGED, durationMs: 0, dryRun: true, ...fields });
    const forecast = forecastOf([
      report(0, { codemodsApplied: ['split-monitoring'], codemodFiles: { 'split-monitoring': ['ai-factory.config.ts'] } }),
      report(1, { status: 'conflicts', conflicts: ['README.md'], codemodsApplied: ['split-monitoring'], codemodFiles: { 'split-monitoring': ['ai-factory.config.ts', 'src/x.ts'] } }),
    ], '0.3.0');
    const ledger = buildLedger(ROWS, '0.3.0', NOW, { withReports: false, forecast });
    expect(ledger.forecast).toEqual({
      outcomes: [{ label: 'upgraded', value: 1 }, { label: 'up-to-date', value: 0 }, { label: 'conflicts', value: 1 }, { label: 'failed', value: 0 }],
      conflicts: [{ label: 'README.md', value: 1 }],
      codemods: [{ label: 'split-monitoring', value: 2 }],
      codemodFiles: { 'split-monitoring': ['ai-factory.config.ts (2)', 'src/x.ts (1)'] },
    });
    expect(renderLedger(ledger)).toContain('<li><code>split-monitoring</code>: ai-factory.config.ts (2), src/x.ts (1)</li>');
  });
});

describe('renderLedger', () => {
  it('escapes every name and message, in the charts and the table', () => {
    const hostile = [row('/fleet/<script>alert(1)</script>', { ...onVersion('0.1.0', true, { preset: '"><img src=x>' }), manifestChangedAt: '2026-01-01T00:00:00Z', lastRun: { status: 'failed', conflicts: [], error: 'io: <b>&' } })];
    const page = renderLedger(buildLedger(hostile, '0.3.0', NOW, { withReports: true }));
    expect(page).not.toMatch(/<script>alert|<img src=x>|<b>&/);
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    // The only script is the page's own, and nothing may be fetched.
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain("default-src 'none'");
  });

  it('names repositories given by URL by owner and name, paths by folder', () => {
    expect(shortName('git@git.example.org:ml/churn.git')).toBe('ml/churn');
    expect(shortName('https://git.example.org/ml/fraud.git')).toBe('ml/fraud');
    expect(shortName('/srv/fleet/forecast/')).toBe('forecast');
    expect([...uniqueNames(['/a/x/churn', '/b/x/churn', '/c/fraud']).values()]).toEqual(['a/x/churn', 'b/x/churn', 'fraud']);
  });
});
