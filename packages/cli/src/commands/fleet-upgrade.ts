import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineCommand, UsageError } from '../command.js';
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

const repositories = (n: number) => `${n} ${n === 1 ? 'repository' : 'repositories'}`;

export const fleetUpgradeCommand = defineCommand({
  name: 'fleet upgrade',
  summary: 'Upgrade many repositories in parallel, each isolated, with a report per repository; forecast a run, or roll it out in waves',
  usage: '<repos...> | --from <file>',
  options: {
    from: { type: 'string', value: '<file>', description: 'Read repository paths or URLs from a file: one per line, # comments' },
    'work-dir': { type: 'string', value: '<dir>', description: 'Where repositories given by URL are cloned (and found again by a rerun)', default: DEFAULT_WORK_DIR },
    concurrency: { type: 'string', value: '<n>', description: 'Worker processes', default: 'the number of CPUs' },
    shard: { type: 'string', value: '<i/n>', description: 'Upgrade only shard i of n of the sorted list (1 ≤ i ≤ n)' },
    'report-dir': { type: 'string', value: '<dir>', description: 'Write <index>-<name>.json per repository as it finishes, and summary.json at the end; a rerun resumes from it' },
    to: { type: 'string', value: '<version>', description: 'Factory version to upgrade to (must be the one this CLI ships)' },
    'discard-managed-edits': { type: 'boolean', description: 'Regenerate managed files edited by hand (listed in each report) instead of failing those repositories' },
    push: { type: 'boolean', description: 'Push each repository\'s upgrade branch and pristine refs to its origin, whichever run made them' },
    'push-concurrency': { type: 'string', value: '<n>', description: 'Pushes in flight at most', default: String(DEFAULT_PUSH_LIMITS.concurrency) },
    'push-interval-ms': { type: 'string', value: '<ms>', description: 'Pause between the starts of two pushes', default: String(DEFAULT_PUSH_LIMITS.intervalMs) },
    wave: { type: 'string', value: '<N%|list>', description: 'Upgrade only the first N% of the fleet in canary order; with rising shares (10%,50%,100%) wave after wave, stopping after one that does not go cleanly' },
    'dry-run': { type: 'boolean', description: 'Forecast the run: compute every upgrade in memory, print how many repositories upgrade cleanly, the conflicting files and the codemods; write nothing' },
    forecast: { type: 'string', value: '<file>', description: 'With --dry-run, also write the forecast as JSON (fleet status --forecast puts it in the ledger)' },
    json: { type: 'boolean', description: 'Print the summary (with --dry-run, the forecast) as JSON instead of a table' },
    list: { type: 'boolean', description: 'Print the repositories this run (its shard, its wave) would upgrade, one per line, and stop' },
  },
  details: [
    'A repository is a local path or any URL git accepts. A URL is cloned into --work-dir (with the factory\'s',
    'refs/ai-factory/*), upgraded there, and with --push its branch and pristine refs go back to that URL.',
    '',
    'Each worker process loads the catalog and the codemods once and upgrades repositories one after another,',
    'exactly as `ai-factory upgrade` would. A repository that fails, or whose worker crashes, is reported and',
    'the others carry on. Progress goes to stderr: a bar on a terminal, one line per repository otherwise.',
    '',
    'With --report-dir, each repository\'s report is written the moment it is done. A rerun with the same list',
    'and report directory (after a kill, or to add --push) does not upgrade again the repositories reported',
    'upgraded or up to date for this version; it upgrades the rest and reports every repository.',
    '',
    '--shard i/n partitions the sorted, de-duplicated list deterministically (every n-th repository from the',
    'i-th), so n machines given the same list upgrade each repository exactly once; report file names carry',
    'the index in the whole list, and `ai-factory fleet report` merges the shards\' report directories.',
    '',
    '--dry-run computes every repository\'s upgrade in memory, exactly as a run would, and writes nothing: no',
    'branch, no ref, no file in any repository (repositories given by URL are still cloned or fetched into',
    '--work-dir, to be read). It prints the forecast: how many repositories upgrade cleanly, are up to date,',
    'would have conflicts or fail (by error code), which files conflict in how many repositories, and which',
    'codemods change which files. --json prints it as JSON, --forecast <file> writes that JSON to a file. A',
    'forecast cannot foresee a write that fails (a full disk, a read-only repository) or a push refused.',
    '',
    '--wave takes a share of the fleet: the repositories are ordered by the SHA-256 of their identity (the URL',
    'given, else the path), so the canaries are the same on every run and machine, and wave P% is the first',
    '⌈N·P/100⌉ of that order: a 25% wave holds the 10% wave. --wave 10% upgrades the canaries; a rerun with',
    '--wave 25% (and the same --report-dir) adds the next ones. --wave 10%,50%,100% runs the waves in one go',
    'and stops after the first wave with a conflict, a failure or a failed push. Waves are taken from the',
    'whole list, then --shard picks its part of each. `fleet status --wave` shows each repository\'s wave.',
    '',
    'Exit codes: 0 when every repository is upgraded or up to date (and, with --push, every push succeeded;',
    'with --dry-run, when every one would be); 1 otherwise, or when a wave stopped the rollout; 2 for wrong',
    'arguments.',
  ].join('\n'),
  run: async ({ positionals, options }, io) => {
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
  },
});
