import { defineCommand, UsageError } from '../command.js';
import { printChange } from '../modules/report.js';
import { CHANGE_EXIT_CODES, CHANGE_OPTIONS } from './change-options.js';

export const ejectCommand = defineCommand({
  name: 'eject',
  summary: 'Hand a template file (or a folder of them) to the team: upgrades never merge it again',
  usage: '<path> [repo]',
  options: CHANGE_OPTIONS,
  details: [
    'Records the file in the manifest with owner `team`: from then on every upgrade leaves it exactly as the',
    'team has it, and keeps the record. The path is relative to the project root; a folder ejects every',
    'template file under it. Managed files cannot be ejected (change ai-factory.config.ts instead). The',
    'manifest change is committed on branch ai-factory/eject-<path>.',
    '',
    CHANGE_EXIT_CODES,
  ].join('\n'),
  run: async ({ positionals, options }, io) => {
    const [path, repo] = positionals;
    if (!path) throw new UsageError('Name the file to eject, relative to the project root, e.g. ai-factory eject README.md.');
    // Loaded when the command runs: the manifest's schema and the repository helper.
    const { ejectFromProject } = await import('../modules/eject.js');
    return printChange(io, options.json ?? false, await ejectFromProject(repo ?? io.cwd, path, { dryRun: options['dry-run'] ?? false }));
  },
});
