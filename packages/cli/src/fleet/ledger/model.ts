/**
 * The fleet ledger's figures, computed from the status rows: how many repositories are on each factory and
 * shared version, preset and module, where upgrades stand, how the last run went (conflicts by file,
 * failures by error code), and how long ago each repository's manifest last changed.
 */
import semver from 'semver';
import { UPGRADE_STATUSES } from '../../upgrade/report.js';
import type { Forecast } from '../forecast.js';
import type { RepoStatus } from '../status.js';
import { waveLabel } from '../waves.js';

export interface Count {
  label: string;
  value: number;
}

/** Where a repository stands against the factory this CLI ships. */
export type UpgradeState = 'current' | 'upgrade waiting' | 'behind' | 'unreadable';
export const UPGRADE_STATES: readonly UpgradeState[] = ['current', 'upgrade waiting', 'behind', 'unreadable'];

/** How the last run went, or that the reports do not name the repository. */
export const RUN_STATES = [...UPGRADE_STATUSES, 'not in the reports'] as const;

export interface LedgerRow {
  /** The URL the fleet was given, else the repository's path. */
  name: string;
  status: RepoStatus;
  state: UpgradeState;
  /** Whole days since the manifest at HEAD last changed. */
  ageDays?: number;
}

export interface Ledger {
  /** ISO 8601. */
  generatedAt: string;
  /** The factory version this CLI ships. */
  current: string;
  rows: LedgerRow[];
  factoryVersions: Count[];
  sharedVersions: Count[];
  presets: Count[];
  modules: Count[];
  upgrades: Count[];
  /** Present when the last run's reports were given. */
  lastRun?: Count[];
  /** Files with conflicts, by how many repositories have them. */
  conflicts: Count[];
  /** Failed upgrades by error code. */
  failures: Count[];
  /** Repositories per rollout wave, in rollout order; empty when the rows have no waves. */
  waves: Count[];
  /** Present when a forecast was given: its figures, as `fleet upgrade --dry-run` counted them. */
  forecast?: {
    outcomes: Count[];
    conflicts: Count[];
    /** Repositories each codemod changes something in. */
    codemods: Count[];
    /** Per codemod, the files it changes: `path (repositories)`, most first. */
    codemodFiles: Record<string, string[]>;
  };
}

export interface LedgerOptions {
  /** Whether the last run's reports were given (then the run charts are drawn, even when they name none of the rows). */
  withReports: boolean;
  forecast?: Forecast;
  /** The waves the rows were placed in (`withWaves`), for their order in the chart. */
  waves?: readonly number[];
}

export function upgradeState(row: RepoStatus): UpgradeState {
  if (row.error || row.factoryVersion === undefined) return 'unreadable';
  if (!row.behind) return 'current';
  return row.upgradeWaiting ? 'upgrade waiting' : 'behind';
}

/** Counts of each label, most frequent first (ties by label), or in `order` when given. */
function tally(labels: readonly string[], order?: readonly string[] | ((a: string, b: string) => number)): Count[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const entries = [...counts].map(([label, value]) => ({ label, value }));
  if (typeof order === 'function') return entries.sort((a, b) => order(a.label, b.label));
  if (order) return order.map((label) => ({ label, value: counts.get(label) ?? 0 }));
  return entries.sort((a, b) => counts.get(b.label)! - counts.get(a.label)! || (a.label < b.label ? -1 : 1));
}

/** Newest version first; anything that is not a version after them. */
const byVersionDescending = (a: string, b: string) => (semver.valid(a) && semver.valid(b) ? semver.rcompare(a, b) : semver.valid(a) ? -1 : 1);

const DAY_MS = 24 * 60 * 60 * 1000;

/** The forecast's figures as counts to chart. */
function forecastCounts(forecast: Forecast): Ledger['forecast'] {
  return {
    // In the order a run counts them: upgraded, up-to-date, conflicts, failed.
    outcomes: Object.entries(forecast.counts).map(([label, value]) => ({ label, value })),
    conflicts: forecast.conflicts.map((file) => ({ label: file.path, value: file.repositories })),
    codemods: forecast.codemods.map((codemod) => ({ label: codemod.codemod, value: codemod.repositories })),
    codemodFiles: Object.fromEntries(forecast.codemods.map((codemod) => [codemod.codemod, codemod.files.map((file) => `${file.path} (${file.repositories})`)])),
  };
}

/**
 * @param rows `fleet status` rows, with `lastRun` when the reports were given, `wave` and `forecast` when known
 */
export function buildLedger(rows: readonly RepoStatus[], current: string, now: Date, { withReports, forecast, waves = [] }: LedgerOptions): Ledger {
  const readable = rows.filter((row) => !row.error && row.factoryVersion !== undefined);
  const ledgerRows = rows.map((status) => {
    const changed = status.manifestChangedAt ? Date.parse(status.manifestChangedAt) : NaN;
    return {
      name: status.origin ?? status.repo,
      status,
      state: upgradeState(status),
      ...(Number.isNaN(changed) ? {} : { ageDays: Math.max(0, Math.floor((now.getTime() - changed) / DAY_MS)) }),
    };
  });
  const failed = rows.flatMap((row) => (row.lastRun?.status === 'failed' ? [row.lastRun.error?.split(':')[0] ?? 'unknown'] : []));
  return {
    generatedAt: now.toISOString(),
    current,
    rows: ledgerRows,
    factoryVersions: tally(readable.map((row) => row.factoryVersion!), byVersionDescending),
    sharedVersions: tally(readable.map((row) => row.sharedVersion ?? 'none'), byVersionDescending),
    presets: tally(readable.map((row) => row.preset!)),
    modules: tally(readable.flatMap((row) => row.modules)),
    upgrades: tally(ledgerRows.map((row) => row.state), UPGRADE_STATES),
    ...(withReports ? { lastRun: tally(rows.map((row) => row.lastRun?.status ?? 'not in the reports'), RUN_STATES) } : {}),
    conflicts: tally(rows.flatMap((row) => row.lastRun?.conflicts ?? [])),
    failures: tally(failed),
    waves: rows.some((row) => row.wave !== undefined) ? tally(rows.flatMap((row) => (row.wave !== undefined ? [waveLabel(row.wave)] : [])), [...new Set([...waves, 100])].map(waveLabel)) : [],
    ...(forecast ? { forecast: forecastCounts(forecast) } : {}),
  };
}
