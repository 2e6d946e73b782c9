import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { defineCommand } from '../command.js';
import { integerOption } from '../fleet/args.js';
import { collectRepos, DEFAULT_WORK_DIR } from '../fleet/repos.js';
import { fleetStatus, formatStatus } from '../fleet/status.js';

export const fleetStatusCommand = defineCommand({
  name: 'fleet status',
  summary: 'Show each repository\'s factory and shared versions, preset, and waiting upgrade branches',
  usage: '<repos...> | --from <file>',
  options: {
    from: { type: 'string', value: '<file>', description: 'Read repository paths or URLs from a file: one per line, # comments' },
    'work-dir': { type: 'string', value: '<dir>', description: 'Where fleet upgrade cloned the repositories given by URL', default: DEFAULT_WORK_DIR },
    concurrency: { type: 'string', value: '<n>', description: 'Repositories read at once', default: 'twice the number of CPUs' },
    json: { type: 'boolean', description: 'Print the rows as JSON' },
  },
  details: [
    'Everything is read from each repository\'s HEAD commit (.ai-factory/manifest.json), never its working tree.',
    'A repository that cannot be read is listed with its error.',
    '',
    'Exit codes: 0 when every repository could be read; 1 otherwise; 2 for wrong arguments.',
  ].join('\n'),
  run: async ({ positionals, options }, io) => {
    const workDir = resolve(io.cwd, typeof options['work-dir'] === 'string' ? options['work-dir'] : DEFAULT_WORK_DIR);
    const repos = collectRepos(positionals, typeof options.from === 'string' ? options.from : undefined, io.cwd, workDir);
    const { version } = await loadBuiltinCatalog();
    // Reading status is mostly waiting for short git processes: more lanes than CPUs keeps them busy.
    const concurrency = integerOption('concurrency', options.concurrency, 2 * availableParallelism(), 1);
    const rows = await fleetStatus(repos.map((repo) => repo.path), version, concurrency);
    io.stdout(options.json ? `${JSON.stringify({ factoryVersion: version, repositories: rows }, null, 2)}\n` : `${formatStatus(rows, version)}\n`);
    return rows.some((row) => row.error) ? 1 : 0;
  },
});
