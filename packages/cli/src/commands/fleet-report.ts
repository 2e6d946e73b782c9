import { resolve } from 'node:path';
import { defineCommand, UsageError } from '../command.js';

export const fleetReportCommand = defineCommand({
  name: 'fleet report',
  summary: 'Merge the report directories of a sharded fleet run into one summary',
  usage: '<dirs...>',
  options: {
    out: { type: 'string', value: '<dir>', description: 'Also write every report and the merged summary.json here' },
    json: { type: 'boolean', description: 'Print the merged summary as JSON instead of a table' },
  },
  details: [
    'Reads every <index>-<name>.json under the directories (recursively: CI artifacts unpack one directory',
    'per shard), checks that no repository was reported twice with different results, and summarizes.',
    '',
    'Exit codes: 0 when every repository is upgraded or up to date; 1 otherwise or when a report cannot be',
    'read; 2 for wrong arguments.',
  ].join('\n'),
  run: async ({ positionals, options }, io) => {
    if (positionals.length === 0) throw new UsageError('Give at least one report directory.');
    const [{ readReports }, { formatSummary, summarizeFleet, writeReports }] = await Promise.all([import('../fleet/merge.js'), import('../fleet/report.js')]);
    let reports;
    try {
      reports = readReports(positionals.map((dir) => resolve(io.cwd, dir)));
    } catch (error) {
      io.stderr(`${(error as Error).message}\n`);
      return 1;
    }
    const summary = summarizeFleet(reports);
    // Names keep each repository's index in the whole list, so the width follows the highest index.
    if (options.out !== undefined) writeReports(resolve(io.cwd, options.out), reports, summary, Math.max(0, ...reports.map((r) => r.index)) + 1);
    io.stdout(options.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`);
    return summary.ok && reports.length > 0 ? 0 : 1;
  },
});
