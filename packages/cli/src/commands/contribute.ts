/** `ai-factory contribute`: turn files of a generated project into a candidate module of the factory. */
import { defineCommand, UsageError } from '../command.js';
import type { ContributionReport } from '../contribute/lift.js';

function formatReport(report: ContributionReport): string {
  const lines = [`Created ${report.module} (${report.summary})`, `Committed ${report.commit.slice(0, 12)} on branch ${report.branch}, from ${report.base.slice(0, 12)}; the working tree is untouched`, '', 'Files:'];
  lines.push(...report.files.map(({ from, to }) => `  ${from} -> ${report.dir}/${to}`));
  lines.push('', report.generalised.length ? 'Generalised:' : 'Generalised: nothing (no answer values found)');
  lines.push(...report.generalised.map((g) => `  ${g.file}:${g.line}  ${g.context}  ${JSON.stringify(g.value)} -> ${g.expression}`));
  lines.push('', report.requires.length ? `Requires: ${report.requires.join(', ')}` : 'Requires: nothing (it imports no file another module writes)');
  lines.push(...report.imports.filter((i) => i.module).map((i) => `  ${i.file}:${i.line} imports ${i.name} (${i.target}, from ${i.module})`));
  lines.push('', report.projectSpecific.length ? 'Still looks project-specific (review before merging):' : 'Nothing else looks project-specific.');
  lines.push(...report.projectSpecific.map((f) => `  ${f.file}:${f.line}  ${f.reason}: ${f.text}`));
  return lines.join('\n');
}

export const contributeCommand = defineCommand({
  name: 'contribute',
  summary: 'Lift files from a generated project into a new candidate module',
  usage: '<project-dir>',
  options: {
    files: { type: 'string', multiple: true, value: '<glob>', description: 'Files to lift, relative to the project (repeatable)' },
    as: { type: 'string', value: '<category>/<name>', description: 'Id of the new module' },
    summary: { type: 'string', value: '<text>', description: 'One-line summary of the module (at most 160 characters)', default: 'the files it contributes' },
    factory: { type: 'string', value: '<repo-dir>', description: 'Factory repository to add the module to', default: 'the current repository' },
    json: { type: 'boolean', description: 'Print the report as JSON' },
  },
  details: [
    'Reads the project\'s .ai-factory/manifest.json. In the lifted files every recorded answer becomes its template',
    'variable again, escaped for where it stands: the name, package name, description, team and preset in values,',
    'strings, docstrings, comments, Python identifiers and shell words; the cloud, CI/CD system and framework only as',
    'whole values, comments and docstrings (elsewhere the same word names the platform\'s tools: `aws s3`, `arn:aws:`).',
    'The package name in paths becomes __packageName__. Python imports of files other modules write become the',
    'module\'s `requires` (importing the package\'s schema needs ml/tabular-core).',
    '',
    'Writes templates/<category>/<name>/ with module.ts, README.md and a test, checks it against the module contract,',
    'and commits it on the new branch contrib/<category>-<name> from the factory\'s HEAD, as git objects: the factory\'s',
    'working tree, index and checked-out branch are not touched. The report lists each replacement, what was left',
    'and why, the requirements and what still looks project-specific. On any error nothing is written; exit status 1.',
  ].join('\n'),
  run: async ({ positionals, options }, io) => {
    const globs = options.files ?? [];
    if (positionals.length !== 1) throw new UsageError('Give exactly one project directory.');
    if (globs.length === 0 || options.as === undefined) throw new UsageError('--files and --as are required.');
    // Loaded when the command runs: lifting renders and validates modules with the engine.
    const { contribute } = await import('../contribute/lift.js');
    const report = await contribute({
      projectDir: positionals[0]!,
      globs,
      as: options.as,
      ...(options.summary !== undefined ? { summary: options.summary } : {}),
      ...(options.factory !== undefined ? { factoryDir: options.factory } : {}),
      cwd: io.cwd,
    });
    io.stdout(options.json ? `${JSON.stringify({ ok: true, ...report }, null, 2)}\n` : `${formatReport(report)}\n`);
    return 0;
  },
});
