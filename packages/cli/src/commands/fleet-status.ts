import { defineCommand, type OptionTable } from '../command.js';
import { DEFAULT_WAVES, DEFAULT_WORK_DIR, waveLabel } from '../fleet/defaults.js';

export const FLEET_STATUS_OPTIONS = {
  from: { type: 'string', value: '<file>', description: 'Read repository paths or URLs from a file: one per line, # comments' },
  'work-dir': { type: 'string', value: '<dir>', description: 'Where fleet upgrade cloned the repositories given by URL', default: DEFAULT_WORK_DIR },
  concurrency: { type: 'string', value: '<n>', description: 'Repositories read at once', default: 'twice the number of CPUs' },
  reports: { type: 'string', value: '<dir>', description: 'The last run\'s reports (fleet upgrade --report-dir, or fleet report --out): how it went for each repository' },
  forecast: { type: 'string', value: '<file>', description: 'A forecast (fleet upgrade --dry-run --forecast <file>): what the next run would do to each repository' },
  wave: { type: 'string', value: '<list>', description: 'The rollout waves to place each repository in, as fleet upgrade --wave takes them', default: DEFAULT_WAVES.map(waveLabel).join(',') },
  html: { type: 'string', value: '<file>', description: 'Also write the fleet ledger: one self-contained HTML page with charts and a sortable table' },
  json: { type: 'boolean', description: 'Print the rows as JSON' },
  } as const satisfies OptionTable;

export const fleetStatusCommand = defineCommand({
  name: 'fleet status',
  summary: 'Show each repository\'s factory and shared versions, preset, and waiting upgrade branches; write the fleet ledger',
  usage: '<repos...> | --from <file>',
  options: FLEET_STATUS_OPTIONS,

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
  // The run body (git, hashing, the catalog) loads when the command runs: --help declares options only.
  run: async (args, io) => (await import('./fleet-status-run.js')).runFleetStatus(args, io),
});
