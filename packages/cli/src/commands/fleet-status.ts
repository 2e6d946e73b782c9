import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineCommand } from '../command.js';
import { integerOption } from '../fleet/args.js';
import { collectRepos, DEFAULT_WORK_DIR } from '../fleet/repos.js';
import { readForecast, type Forecast } from '../fleet/forecast.js';
import { readReports } from '../fleet/merge.js';
import { DEFAULT_WAVES, parseWaves, waveLabel } from '../fleet/waves.js';

export const fleetStatusCommand = defineCommand({
  name: 'fleet status',
  summary: 'Show each repository\'s factory and shared versions, preset, and waiting upgrade branches; write the fleet ledger',
  usage: '<repos...> | --from <file>',
  options: {
    from: { type: 'string', value: '<file>', description: 'Read repository paths or URLs from a file: one per line, # comments' },
    'work-dir': { type: 'string', value: '<dir>', description: 'Where fleet upgrade cloned the repositories given by URL', default: DEFAULT_WORK_DIR },
    concurrency: { type: 'string', value: '<n>', description: 'Repositories read at once', default: 'twice the number of CPUs' },
    reports: { type: 'string', value: '<dir>', description: 'The last run\'s reports (fleet upgrade --report-dir, or fleet report --out): how it went for each repository' },
    forecast: { type: 'string', value: '<file>', description: 'A forecast (fleet upgrade --dry-run --forecast <file>): what the next run would do to each repository' },
    wave: { type: 'string', value: '<list>', description: 'The rollout waves to place each repository in, as fleet upgrade --wave takes them', default: DEFAULT_WAVES.map(waveLabel).join(',') },
    html: { type: 'string', value: '<file>', description: 'Also write the fleet ledger: one self-contained HTML page with charts and a sortable table' },
    json: { type: 'boolean', description: 'Print the rows as JSON' },
  },
  details: [
    'Everything is read from each repository\'s HEAD commit (.ai-factory/manifest.json), never its working tree.',
    'A repository that cannot be read is listed with its error. Each row also gives the modules and when the',
    'manifest at HEAD last changed (the last upgrade merged, or the creation).',
    '',
    '--reports <dir> reads the per-repository reports of the last `fleet upgrade --report-dir` (recursively, so',
    'the unpacked artifacts of a sharded run work) and adds to each row how that run went: status, conflicting',
    'files, error. --html <file> writes the fleet ledger: factory and shared versions across the fleet, presets',
    'and modules, upgrades waiting, the last run\'s conflicts (by file) and failures (by error), the days since each',
    'repository\'s last upgrade, and a table sortable by any column. It is one file with inline SVG and script and',
    'fetches nothing, so it opens offline or as a CI artifact.',
    '',
    '--forecast <file> reads the forecast of `fleet upgrade --dry-run --forecast <file>` and adds to each row',
    'what the next run would do to it; the ledger then also charts the forecast: outcomes, conflicting files,',
    'codemods and the files they change. Each row names its rollout wave: the smallest share of --wave (the',
    'default 10%,25%,50%,100%) whose `fleet upgrade --wave` upgrades it; the ledger charts the waves too.',
    '',
    'Exit codes: 0 when every repository could be read; 1 otherwise; 2 for wrong arguments.',
  ].join('\n'),
  run: async ({ positionals, options }, io) => {
    const workDir = resolve(io.cwd, options['work-dir'] ?? DEFAULT_WORK_DIR);
    const repos = collectRepos(positionals, options.from, io.cwd, workDir);
    let reports;
    if (options.reports !== undefined) {
      try {
        reports = readReports([resolve(io.cwd, options.reports)]);
      } catch (error) {
        io.stderr(`Cannot read the reports: ${(error as Error).message}\n`);
        return 1;
      }
    }
    let forecast: Forecast | undefined;
    if (options.forecast !== undefined) {
      try {
        forecast = readForecast(resolve(io.cwd, options.forecast));
      } catch (error) {
        io.stderr(`${(error as Error).message}\n`);
        return 1;
      }
    }
    const waves = options.wave !== undefined ? parseWaves(options.wave) : DEFAULT_WAVES;
    // Loaded when the command runs: reading manifests needs the engine's schema and the catalog's version.
    const [{ loadBuiltinCatalog }, { fleetStatus, formatStatus, withLastRun, withWaves }, { writeLedger }] = await Promise.all([
      import('@ai-factory/templates'),
      import('../fleet/status.js'),
      import('../fleet/ledger/index.js'),
    ]);
    const { version } = await loadBuiltinCatalog();
    // Reading status is mostly waiting for short git processes: more lanes than CPUs keeps them busy.
    const concurrency = integerOption('concurrency', options.concurrency, 2 * availableParallelism(), 1);
    let rows = withWaves(await fleetStatus(repos, version, concurrency), repos, waves);
    if (reports) rows = withLastRun(rows, reports);
    if (forecast) rows = withLastRun(rows, forecast.repositories, 'forecast');
    if (options.html !== undefined) writeLedger(resolve(io.cwd, options.html), rows, version, { withReports: reports !== undefined, ...(forecast ? { forecast } : {}), waves });
    io.stdout(options.json ? `${JSON.stringify({ factoryVersion: version, repositories: rows }, null, 2)}\n` : `${formatStatus(rows, version)}\n`);
    return rows.some((row) => row.error) ? 1 : 0;
  },
});
