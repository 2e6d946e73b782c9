import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineCommand } from '../command.js';
import { integerOption } from '../fleet/args.js';
import { DEFAULT_PUSH_LIMITS } from '../fleet/push.js';
import { collectRepos, DEFAULT_WORK_DIR, parseShard, selectShard } from '../fleet/repos.js';

export const fleetUpgradeCommand = defineCommand({
  name: 'fleet upgrade',
  summary: 'Upgrade many repositories in parallel, each isolated, with a report per repository',
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
    json: { type: 'boolean', description: 'Print the summary as JSON instead of a table' },
    list: { type: 'boolean', description: 'Print the repositories this run (or shard) would upgrade, one per line, and stop' },
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
    'Exit codes: 0 when every repository is upgraded or up to date (and, with --push, every push succeeded);',
    '1 otherwise; 2 for wrong arguments.',
  ].join('\n'),
  run: async ({ positionals, options }, io) => {
    const workDir = resolve(io.cwd, typeof options['work-dir'] === 'string' ? options['work-dir'] : DEFAULT_WORK_DIR);
    const all = collectRepos(positionals, typeof options.from === 'string' ? options.from : undefined, io.cwd, workDir);
    const repos = selectShard(all, typeof options.shard === 'string' ? parseShard(options.shard) : undefined);
    // Lets a CI shard fetch only its own repositories before upgrading them, with the same partition.
    if (options.list) return io.stdout(repos.map((repo) => `${repo.origin ?? repo.path}\n`).join('')), 0;
    const concurrency = integerOption('concurrency', options.concurrency, availableParallelism(), 1);
    const push = options.push
      ? {
          concurrency: integerOption('push-concurrency', options['push-concurrency'], DEFAULT_PUSH_LIMITS.concurrency, 1),
          intervalMs: integerOption('push-interval-ms', options['push-interval-ms'], DEFAULT_PUSH_LIMITS.intervalMs, 0),
        }
      : undefined;
    const reportDir = typeof options['report-dir'] === 'string' ? resolve(io.cwd, options['report-dir']) : undefined;
    // Loaded when the command runs: the catalog and the workers' upgrade code are what --help must not pay for.
    const [{ loadBuiltinCatalog }, { runFleet }, { createProgress }, { formatSummary, summarizeFleet, writeReport, writeSummary }, { finishedReports }] = await Promise.all([
      import('@ai-factory/templates'),
      import('../fleet/run.js'),
      import('../fleet/progress.js'),
      import('../fleet/report.js'),
      import('../fleet/resume.js'),
    ]);
    const finished = reportDir ? finishedReports(reportDir, repos, (await loadBuiltinCatalog()).version) : [];
    if (finished.length > 0) io.stderr(`Resuming: ${finished.length} of ${repos.length} repositories are reported done in ${reportDir}.\n`);
    // The bar goes to stderr, so it is stderr's terminal that matters, not stdout's.
    const progress = createProgress(repos.length, io.stderr, Boolean(process.stderr.isTTY));
    const { reports, wallMs } = await runFleet(repos, {
      concurrency,
      upgrade: { ...(typeof options.to === 'string' ? { to: options.to } : {}), discardManagedEdits: options['discard-managed-edits'] === true },
      ...(push ? { push } : {}),
      finished,
      onReport: (report) => {
        progress.done(report);
        if (reportDir) writeReport(reportDir, report, all.length);
      },
    });
    progress.end();
    const summary = summarizeFleet(reports, wallMs);
    if (reportDir) writeSummary(reportDir, summary);
    io.stdout(options.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`);
    return summary.ok ? 0 : 1;
  },
});
