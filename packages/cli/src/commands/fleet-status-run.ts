/** What `fleet status` does, loaded only when it runs (see fleet-status.ts). */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { CommandIo, ParsedArgs } from '../command.js';
import { integerOption } from '../fleet/args.js';
import { collectRepos, DEFAULT_WORK_DIR } from '../fleet/repos.js';
import { readForecast, type Forecast } from '../fleet/forecast.js';
import { readReports } from '../fleet/merge.js';
import { DEFAULT_WAVES, parseWaves } from '../fleet/waves.js';
import type { FLEET_STATUS_OPTIONS } from './fleet-status.js';

export async function runFleetStatus({ positionals, options }: ParsedArgs<typeof FLEET_STATUS_OPTIONS>, io: CommandIo): Promise<number> {
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
}
