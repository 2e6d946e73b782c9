import { defineCommand, UsageError } from '../command.js';
import { printChange } from '../modules/report.js';
import { CHANGE_EXIT_CODES, RENDER_CHANGE_OPTIONS } from './change-options.js';

export const removeCommand = defineCommand({
  name: 'remove',
  summary: 'Remove a module from a generated project, on a branch, keeping the files the team changed',
  usage: '<module> [repo]',
  options: RENDER_CHANGE_OPTIONS,
  details: [
    'Refuses while another installed module requires it, for the platform declaration (platform/shared),',
    'and when the answers need a capability only it provides. Deletes the module\'s files whose content is',
    'still what the manifest recorded; the files the team changed stay, are listed as kept, and are no',
    'longer the factory\'s. The manifest records the removal (answers.removedModules, modules, files) and the',
    'new pristine render goes on refs/ai-factory/pristine/<version>; the result is committed on branch',
    'ai-factory/remove-<category>-<name>. The project must be at this factory\'s version: upgrade first.',
    '',
    CHANGE_EXIT_CODES,
  ].join('\n'),
  run: async ({ positionals, options }, io) => {
    const [id, repo] = positionals;
    if (!id) throw new UsageError('Name the module to remove, e.g. ai-factory remove monitoring/organisation-dashboard.');
    // Loaded when the command runs: rendering and merging pull in the catalog, the codemods and ts-morph.
    const [{ removeFromProject }, { createUpgradeContext }] = await Promise.all([import('../modules/compose.js'), import('../upgrade/context.js')]);
    const result = await removeFromProject(repo ?? io.cwd, await createUpgradeContext(), id, { dryRun: options['dry-run'] ?? false, discardManagedEdits: options['discard-managed-edits'] ?? false });
    return printChange(io, options.json ?? false, result);
  },
});
