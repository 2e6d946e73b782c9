import { loadCodemods, CodemodRunner } from '@ai-factory/codemods';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { defineCommand } from '../command.js';
import { summarize } from '../upgrade/report.js';
import { upgradeRepository } from '../upgrade/upgrade.js';

export const upgradeCommand = defineCommand({
  name: 'upgrade',
  summary: 'Upgrade a project to this factory release, on a branch, keeping the team\'s edits',
  usage: '[repo]',
  options: {
    to: { type: 'string', value: '<version>', description: 'Factory version to upgrade to (must be the one this CLI ships)' },
    'dry-run': { type: 'boolean', description: 'Print the exact diff the upgrade would commit; write nothing' },
    json: { type: 'boolean', description: 'Print the report as JSON' },
  },
  details: [
    'The upgrade runs the codemods between the project\'s @ai-factory/shared version and this one, merges',
    'template-owned files three ways (base: the pristine render kept under refs/ai-factory/pristine/<version>),',
    're-synthesizes managed files from the merged ai-factory.config.ts, and commits the result on branch',
    'ai-factory/upgrade-<version>. The working tree and the current branch are not touched.',
    '',
    'Exit codes: 0 upgraded or already up to date; 1 conflicts (left with standard markers on the upgrade',
    'branch, listed in the report) or an error, with nothing changed. Error codes: not-a-repository, dirty,',
    'no-manifest, malformed-config, unknown-version, branch-exists, io (a file or the repository cannot be',
    'written).',
  ].join('\n'),
  run: async ({ positionals, options }, io) => {
    const [catalog, codemods] = await Promise.all([loadBuiltinCatalog(), loadCodemods()]);
    const { report, diff } = await upgradeRepository(positionals[0] ?? io.cwd, { catalog, codemods, runner: new CodemodRunner() }, {
      ...(typeof options.to === 'string' ? { to: options.to } : {}),
      dryRun: options['dry-run'] === true,
    });
    if (options.json) io.stdout(`${JSON.stringify(diff === undefined ? report : { ...report, diff }, null, 2)}\n`);
    else {
      if (diff !== undefined) io.stdout(diff);
      (report.status === 'failed' ? io.stderr : io.stdout)(`${summarize(report)}\n`);
      if (report.status === 'upgraded' && diff === undefined) io.stdout(`Review and merge it: git diff HEAD ${report.branch}\n`);
    }
    return report.status === 'upgraded' || report.status === 'up-to-date' ? 0 : 1;
  },
});
