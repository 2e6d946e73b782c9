/**
 * `fleet status`: where each repository stands, read from its HEAD commit (never the working tree, which
 * may hold a half-resolved upgrade): factory version, shared API version, preset and modules, whether it is
 * behind this CLI, which upgrade branches wait for review, and when its manifest last changed. With the
 * reports of the last `fleet upgrade`, each row also says how that run went for the repository.
 */
import { resolve } from 'node:path';
import { execGit, GitCommandError, ManifestSchema, upgradeBranch } from '@ai-factory/engine';
import { MANIFEST_PATH } from '@ai-factory/tree';
import { SYNTH_MODULE } from '@ai-factory/shared';
import semver from 'semver';
import type { FleetRepoReport } from './report.js';
import type { FleetRepo } from './repos.js';
import { waveLabel, waveOf } from './waves.js';

/** How the last `fleet upgrade` went for one repository (or how its forecast says the next will), from its report. */
export interface LastRun {
  status: FleetRepoReport['status'];
  from?: string;
  to?: string;
  /** Files left with conflict markers on the upgrade branch. */
  conflicts: string[];
  /** `<code>: <message>` of a failed upgrade. */
  error?: string;
}

export interface RepoStatus {
  repo: string;
  /** The URL the fleet was given, when `repo` is its work-directory clone. */
  origin?: string;
  factoryVersion?: string;
  /** Version of the `platform/shared` module in the manifest: the @ai-factory/shared API the project uses. */
  sharedVersion?: string;
  preset?: string;
  /** Module ids the manifest records, in render order. */
  modules: string[];
  /**
   * When the manifest at HEAD last changed (the committer date, ISO 8601): the last upgrade merged, or the
   * project's creation when it was never upgraded.
   */
  manifestChangedAt?: string;
  /** Older than the factory this CLI ships. */
  behind?: boolean;
  /** Local `ai-factory/upgrade-*` branches. */
  upgradeBranches: string[];
  /** True when the branch for this CLI's version exists. */
  upgradeWaiting: boolean;
  /** Present when the last run's reports were given and one names this repository. */
  lastRun?: LastRun;
  /** Present when a forecast (`fleet upgrade --dry-run --forecast`) was given and names this repository. */
  forecast?: LastRun;
  /**
   * The rollout wave that holds this repository (see `waveOf`), as the percent `fleet upgrade --wave` takes:
   * `--wave 10%` upgrades the repositories of wave 10.
   */
  wave?: number;
  error?: string;
}

const UPGRADE_PREFIX = `refs/heads/${upgradeBranch('')}`;

/**
 * Reads one repository's status against the factory version `current`; a repository that cannot be read
 * is a row with its error.
 * @example await repoStatus({ index: 0, path: '/src/churn' }, '0.2.0') // { factoryVersion: '0.1.0', behind: true, ... }
 */
export async function repoStatus(entry: FleetRepo, current: string): Promise<RepoStatus> {
  const repo = resolve(entry.path);
  const row: RepoStatus = { repo, ...(entry.origin ? { origin: entry.origin } : {}), modules: [], upgradeBranches: [], upgradeWaiting: false };
  try {
    // for-each-ref matches whole path components only, so list the folder and filter by prefix below.
    const listRefs = ['for-each-ref', '--format=%(refname)', UPGRADE_PREFIX.slice(0, UPGRADE_PREFIX.lastIndexOf('/') + 1)];
    // Three short processes at once: a status of thousands of repositories is mostly waiting for them.
    const [shown, refs, changed] = await Promise.all([
      execGit(['show', `HEAD:${MANIFEST_PATH}`], { cwd: repo, reject: false }),
      execGit(listRefs, { cwd: repo, reject: false }),
      execGit(['log', '-1', '--format=%cI', 'HEAD', '--', MANIFEST_PATH], { cwd: repo, reject: false }),
    ]);
    if (shown.exitCode !== 0) {
      const reason = shown.stderr.trim().split('\n')[0] ?? '';
      return { ...row, error: /not a git repository/i.test(reason) ? `not a git repository: ${reason}` : `no ${MANIFEST_PATH} at HEAD: ${reason}` };
    }
    const parsed = ManifestSchema.safeParse(JSON.parse(shown.stdout.toString('utf8')));
    if (!parsed.success) return { ...row, error: `${MANIFEST_PATH} at HEAD is not a valid manifest: ${parsed.error.issues[0]?.message}` };
    if (refs.exitCode !== 0) throw new GitCommandError(listRefs, refs);
    const manifest = parsed.data;
    const shared = manifest.modules.find((module) => module.id === SYNTH_MODULE);
    const branches = refs.stdout
      .toString('utf8')
      .split('\n')
      .filter((ref) => ref.startsWith(UPGRADE_PREFIX))
      .map((ref) => ref.slice('refs/heads/'.length));
    const changedAt = changed.stdout.toString('utf8').trim();
    return {
      ...row,
      factoryVersion: manifest.factory.version,
      ...(shared ? { sharedVersion: shared.version } : {}),
      preset: manifest.preset,
      modules: manifest.modules.map((module) => module.id),
      ...(changedAt ? { manifestChangedAt: changedAt } : {}),
      behind: semver.lt(manifest.factory.version, current),
      upgradeBranches: branches,
      upgradeWaiting: branches.includes(upgradeBranch(current)),
    };
  } catch (error) {
    return { ...row, error: (error as Error).message.split('\n')[0]! };
  }
}

/** Reads many repositories, a few at a time (each is a few short git processes). */
export async function fleetStatus(repos: readonly FleetRepo[], current: string, concurrency: number): Promise<RepoStatus[]> {
  const rows = new Array<RepoStatus>(repos.length);
  let next = 0;
  const lane = async () => {
    while (next < repos.length) {
      const i = next++;
      rows[i] = await repoStatus(repos[i]!, current);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, repos.length)) }, lane));
  return rows;
}

/** What a report says of its repository, as a row shows it. */
function outcome(report: FleetRepoReport): LastRun {
  return {
    status: report.status,
    ...(report.from ? { from: report.from } : {}),
    ...(report.to ? { to: report.to } : {}),
    conflicts: report.conflicts,
    ...(report.error ? { error: `${report.error.code}: ${report.error.message}` } : {}),
  };
}

/**
 * The rows with how `reports` went for each (matched by the path upgraded, or the URL), as `lastRun`, or
 * as `forecast` for the reports of a forecast.
 * @example withLastRun(rows, readReports(['reports']))
 */
export function withLastRun(rows: readonly RepoStatus[], reports: readonly FleetRepoReport[], field: 'lastRun' | 'forecast' = 'lastRun'): RepoStatus[] {
  return rows.map((row) => {
    const report = reports.find((r) => resolve(r.repo) === row.repo || (row.origin !== undefined && r.origin === row.origin));
    return report ? { ...row, [field]: outcome(report) } : row;
  });
}

/**
 * The rows of `repos` (in the same order) with the wave of `waves` each repository is in.
 * @example withWaves(await fleetStatus(repos, version, 4), repos, DEFAULT_WAVES)
 */
export function withWaves(rows: readonly RepoStatus[], repos: readonly FleetRepo[], waves: readonly number[]): RepoStatus[] {
  const wave = waveOf(repos, waves);
  return rows.map((row, i) => ({ ...row, wave: wave.get(repos[i]!.index)! }));
}

export function formatStatus(rows: readonly RepoStatus[], current: string): string {
  const withRuns = rows.some((row) => row.lastRun);
  const withForecast = rows.some((row) => row.forecast);
  const header = ['factory', 'shared', 'preset', 'state', 'upgrade branch', 'wave', ...(withRuns ? ['last run'] : []), ...(withForecast ? ['forecast'] : []), 'repository'];
  const lastRun = (run: LastRun | undefined) => (run ? `${run.status}${run.conflicts.length ? ` (${run.conflicts.length} conflicting)` : ''}` : '-');
  const table = rows.map((row) => [
    row.factoryVersion ?? '-',
    row.sharedVersion ?? '-',
    row.preset ?? '-',
    row.error ? `error: ${row.error}` : row.behind ? `behind ${current}` : 'current',
    row.upgradeBranches.join(', ') || '-',
    row.wave !== undefined ? waveLabel(row.wave) : '-',
    ...(withRuns ? [lastRun(row.lastRun)] : []),
    ...(withForecast ? [lastRun(row.forecast)] : []),
    row.repo,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...table.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  const behind = rows.filter((row) => row.behind).length;
  const errors = rows.filter((row) => row.error).length;
  return [line(header), ...table.map(line), '', `${rows.length} repositories: ${behind} behind ${current}, ${rows.filter((r) => r.upgradeWaiting).length} with an upgrade branch waiting, ${errors} unreadable`].join('\n');
}
