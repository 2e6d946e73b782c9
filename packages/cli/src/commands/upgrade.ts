import { defineCommand } from '../command.js';

export const upgradeCommand = defineCommand({
  name: 'upgrade',
  summary: 'Upgrade a project to this factory release, on a branch, keeping the team\'s edits',
  usage: '[repo]',
  options: {
    to: { type: 'string', value: '<version>', description: 'Factory version to upgrade to (must be the one this CLI ships)' },
    'dry-run': { type: 'boolean', description: 'Print the exact diff the upgrade would commit; write nothing' },
    'discard-managed-edits': { type: 'boolean', description: 'Regenerate managed files that were edited by hand (listed in the report) instead of stopping' },
    json: { type: 'boolean', description: 'Print the report as JSON' },
  },
  details: [
    'The upgrade runs the codemods between the project\'s @ai-factory/shared version and this one on every',
    'TypeScript file that imports it, type-checks the result against the new version, merges template-owned',
    'files three ways (base: the pristine render kept under refs/ai-factory/pristine/<version>), re-synthesizes',
    'managed files from the merged ai-factory.config.ts, and commits the result on branch',
    'ai-factory/upgrade-<version>. Files keep their bytes, encoding, line endings and modes; symbolic links stay',
    'links and are never written through. Every ref moves in one transaction at the end. The working tree and',
    'the current branch are not touched, unless there are conflicts to resolve.',
    '',
    'Exit codes: 0 upgraded or already up to date; 1 conflicts (left with standard markers on the upgrade',
    'branch, listed in the report; a rerun reports them until they are committed) or an error, with nothing',
    'changed. Error codes: not-a-repository, no-manifest, invalid-manifest (with the file and the JSON',
    'position), invalid-version, unknown-version, dirty, operation-in-progress (a rebase, merge, cherry-pick,',
    'revert or bisect), managed-edits (hand edits to managed files, listed), blocked-path (a write inside a',
    'symbolic link or over a folder), codemod and type-check (with file:line), malformed-config, lockfile',
    '(package-lock.json cannot be resolved again for the new dependencies),',
    'branch-exists, io (a file or the repository cannot be written).',
  ].join('\n'),
  run: async ({ positionals, options }, io) => {
    // Loaded when the command runs: the upgrade pulls in ts-morph, the catalog and the codemods.
    const [{ createUpgradeContext }, { summarize }, { upgradeRepository }] = await Promise.all([
      import('../upgrade/context.js'),
      import('../upgrade/report.js'),
      import('../upgrade/upgrade.js'),
    ]);
    const { report, diff } = await upgradeRepository(positionals[0] ?? io.cwd, await createUpgradeContext(), {
      ...(options.to !== undefined ? { to: options.to } : {}),
      dryRun: options['dry-run'] ?? false,
      discardManagedEdits: options['discard-managed-edits'] ?? false,
    });
    if (options.json) io.stdout(`${JSON.stringify(diff === undefined ? report : { ...report, diff }, null, 2)}\n`);
    else {
      if (diff !== undefined) io.stdout(diff);
      (report.status === 'failed' ? io.stderr : io.stdout)(`${summarize(report)}\n`);
      if (report.status === 'upgraded' && !report.dryRun) io.stdout(`Review and merge it: git diff HEAD ${report.branch}\n`);
    }
    return report.status === 'upgraded' || report.status === 'up-to-date' ? 0 : 1;
  },
});
