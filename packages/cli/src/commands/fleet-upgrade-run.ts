/** What `fleet upgrade` does, loaded only when it runs (see fleet-upgrade.ts). */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { UsageError, type CommandIo, type ParsedArgs } from '../command.js';
import { integerOption } from '../fleet/args.js';
import { formatForecast } from '../fleet/forecast-format.js';
import { forecastOf, writeForecast } from '../fleet/forecast.js';
import { createProgress } from '../fleet/progress.js';
import { DEFAULT_PUSH_LIMITS } from '../fleet/push.js';
import { formatSummary, summarizeFleet, writeReport, writeSummary } from '../fleet/report.js';
import { collectRepos, DEFAULT_WORK_DIR, parseShard, selectShard } from '../fleet/repos.js';
import { finishedReports } from '../fleet/resume.js';
import { inWave, runWaves } from '../fleet/rollout.js';
import { parseWaves, waveLabel } from '../fleet/waves.js';
import type { FLEET_UPGRADE_OPTIONS } from './fleet-upgrade.js';

const repositories = (n: number) => `${n} ${n === 1 ? 'repository' : 'repositories'}`;

export async function runFleetUpgrade({ positionals, options }: ParsedArgs<typeof FLEET_UPGRADE_OPTIONS>, io: CommandIo): Promise<number> {
  const workDir = resolve(io.cwd, options['work-dir'] ?? DEFAULT_WORK_DIR);
  const all = collectRepos(positionals, options.from, io.cwd, workDir);
  const shard = selectShard(all, options.shard !== undefined ? parseShard(options.shard) : undefined);
  const waves = options.wave !== undefined ? parseWaves(options.wave) : [100];
  const dryRun = options['dry-run'] ?? false;
  if (!dryRun && options.forecast !== undefined) throw new UsageError('--forecast <file> writes the forecast of --dry-run: add --dry-run.');
  // A dry run's reports would read as done to a resuming run, and it has nothing to push.
  if (dryRun && (options.push || options['report-dir'] !== undefined)) throw new UsageError('--dry-run writes nothing: write its forecast with --forecast <file>, without --push or --report-dir.');
  // Lets a CI shard fetch only its own repositories before upgrading them, with the same partition.
  if (options.list) return io.stdout(inWave(all, shard, waves.at(-1)!).map((repo) => `${repo.origin ?? repo.path}\n`).join('')), 0;
  const concurrency = integerOption('concurrency', options.concurrency, availableParallelism(), 1);
  const upgrade = { ...(options.to !== undefined ? { to: options.to } : {}), discardManagedEdits: options['discard-managed-edits'] ?? false };
  // Loaded when the command runs: the catalog and the workers' upgrade code are what --help must not pay for.
  const [{ loadBuiltinCatalog }, { runFleet }] = await Promise.all([import('@ai-factory/templates'), import('../fleet/run.js')]);
  const { version } = await loadBuiltinCatalog();
  // The bar goes to stderr, so it is stderr's terminal that matters, not stdout's.
  const progressOf = (total: number) => createProgress(total, io.stderr, Boolean(process.stderr.isTTY));

  if (dryRun) {
    const repos = inWave(all, shard, waves.at(-1)!);
    const progress = progressOf(repos.length);
    const { reports } = await runFleet(repos, { concurrency, upgrade: { ...upgrade, dryRun: true, diff: false }, onReport: (report) => progress.done(report) });
    progress.end();
    const forecast = forecastOf(reports, version);
    if (options.forecast !== undefined) writeForecast(resolve(io.cwd, options.forecast), forecast);
    io.stdout(options.json ? `${JSON.stringify(forecast, null, 2)}\n` : `${formatForecast(forecast)}\n`);
    return forecast.counts.upgraded + forecast.counts['up-to-date'] === forecast.total ? 0 : 1;
  }

  const push = options.push
    ? {
        concurrency: integerOption('push-concurrency', options['push-concurrency'], DEFAULT_PUSH_LIMITS.concurrency, 1),
        intervalMs: integerOption('push-interval-ms', options['push-interval-ms'], DEFAULT_PUSH_LIMITS.intervalMs, 0),
      }
    : undefined;
  const reportDir = options['report-dir'] !== undefined ? resolve(io.cwd, options['report-dir']) : undefined;
  const finished = reportDir ? finishedReports(reportDir, shard, version) : [];
  if (finished.length > 0) io.stderr(`Resuming: ${finished.length} of ${shard.length} repositories are reported done in ${reportDir}.\n`);
  const staged = options.wave !== undefined;
  const rollout = await runWaves(all, shard, waves, (repos) => {
    const progress = progressOf(repos.length);
    const members = new Set(repos.map((repo) => repo.index));
    return runFleet(repos, {
      concurrency,
      upgrade,
      ...(push ? { push } : {}),
      finished: finished.filter((report) => members.has(report.index)),
      onReport: (report) => {
        progress.done(report);
        if (reportDir) writeReport(reportDir, report, all.length);
      },
    }).finally(() => progress.end());
  }, staged ? (share, repos) => io.stderr(`Wave ${waveLabel(share)}: ${repositories(repos.length)} to upgrade.\n`) : undefined);
  if (rollout.waiting.length > 0) {
    const stopped = rollout.waves.at(-1)!;
    io.stderr(`Wave ${waveLabel(stopped.share)} did not go cleanly: the rollout stops there, ${repositories(rollout.waiting.length)} of the later waves wait.\n`);
  }
  const summary = summarizeFleet(rollout.reports, rollout.wallMs);
  if (reportDir) writeSummary(reportDir, summary);
  io.stdout(options.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`);
  return summary.ok ? 0 : 1;
}
