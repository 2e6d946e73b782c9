import { defineCommand, UsageError } from '../command.js';
import { printChange } from '../modules/report.js';
import { CHANGE_EXIT_CODES, RENDER_CHANGE_OPTIONS } from './change-options.js';

export const addCommand = defineCommand({
  name: 'add',
  summary: 'Add a module to a generated project, on a branch, merged like an upgrade',
  usage: '<module> [repo]',
  options: RENDER_CHANGE_OPTIONS,
  details: [
    'Checks the module against the project\'s recorded answers: its `when` must hold, nothing installed may',
    'conflict with it, and the modules it requires are added with it (or the command stops, listing why).',
    'The project is then rendered again at its factory version with the module and merged three ways from',
    'the pristine render, like an upgrade: files the team already has at the module\'s paths are merged, the',
    'manifest records the module (answers.addedModules, modules, files) and the new pristine render goes on',
    'refs/ai-factory/pristine/<version>. The result is committed on branch ai-factory/add-<category>-<name>.',
    'The project must be at this factory\'s version: upgrade first.',
    '',
    CHANGE_EXIT_CODES,
  ].join('\n'),
  run: async ({ positionals, options }, io) => {
    const [id, repo] = positionals;
    if (!id) throw new UsageError('Name the module to add, e.g. ai-factory add monitoring/organisation-dashboard.');
    // Loaded when the command runs: rendering and merging pull in the catalog, the codemods and ts-morph.
    const [{ addToProject }, { createUpgradeContext }] = await Promise.all([import('../modules/compose.js'), import('../upgrade/context.js')]);
    const result = await addToProject(repo ?? io.cwd, await createUpgradeContext(), id, { dryRun: options['dry-run'] ?? false, discardManagedEdits: options['discard-managed-edits'] ?? false });
    return printChange(io, options.json ?? false, result);
  },
});
