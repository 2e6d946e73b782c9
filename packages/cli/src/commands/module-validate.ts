/** `ai-factory module validate [path...]`: the module contract, as CI runs it on every module. */
import { resolve } from 'node:path';
import type { ContractReport } from '@ai-factory/engine';
import { defineCommand } from '../command.js';

// Loaded when the command runs: the contract renders every module's templates with the engine.
const engine = () => import('@ai-factory/engine');

/** One block per module: a mark and the id, then its problems indented. */
async function formatReports(reports: readonly ContractReport[]): Promise<string> {
  const { formatProblem } = await engine();
  const lines = reports.flatMap((report) => [
    `${report.problems.length === 0 ? '✓' : '✗'} ${report.module}${report.problems.length ? ` (${report.problems.length} problem${report.problems.length === 1 ? '' : 's'})` : ''}`,
    ...report.problems.map((problem) => `    ${formatProblem(problem)}`),
  ]);
  const failing = reports.filter((report) => report.problems.length > 0).length;
  return [...lines, '', failing === 0 ? `${reports.length} module(s) meet the contract.` : `${failing} of ${reports.length} module(s) break the contract.`].join('\n');
}

async function reportsFor(paths: readonly string[], source: string | undefined, cwd: string): Promise<ContractReport[]> {
  const { fetchSource, validateModuleFolder, validateModulesUnder } = await engine();
  if (source !== undefined) {
    const fetched = await fetchSource(source);
    try {
      const reports = await validateModulesUnder(fetched.dir);
      return reports.map((report) => ({ ...report, module: `${report.module} (${source}@${fetched.commit.slice(0, 12)})` }));
    } finally {
      fetched.remove();
    }
  }
  if (paths.length === 0) return validateModulesUnder((await import('@ai-factory/templates')).TEMPLATES_ROOT);
  return Promise.all(paths.map((path) => validateModuleFolder(resolve(cwd, path))));
}

export const moduleValidate = defineCommand({
  name: 'module validate',
  summary: 'Check modules against the module contract',
  usage: '[path...]',
  options: {
    source: { type: 'string', value: '<org/repo#ref>', description: 'Validate the modules of an external source instead (fetched, never run)' },
    json: { type: 'boolean', description: 'Print the reports as JSON' },
  },
  details: [
    'With no path, checks every built-in module. A path is a module folder: <category>/<name>/ with module.ts',
    '(read from its compiled definition under <templates>/dist) or module.json (data, the form external modules take).',
    'Checks: the definition against its schema; every file rule matches a file and every file has a rule; templates',
    'render for every combination of answers the module allows; every interpolation in YAML, JSON, TOML, HCL, Python,',
    'shell and Dockerfile templates goes through the escaping helper for the format; README.md describes the module;',
    'tests exist. Exit status: 0 when every module passes, 1 otherwise.',
  ].join('\n'),
  run: async ({ positionals, options }, io) => {
    const source = options.source;
    let reports: ContractReport[];
    try {
      reports = await reportsFor(positionals, source, io.cwd);
    } catch (error) {
      if (options.json) io.stdout(`${JSON.stringify({ ok: false, error: (error as Error).message })}\n`);
      io.stderr(`Error: ${(error as Error).message}\n`);
      return 1;
    }
    const ok = reports.every((report) => report.problems.length === 0);
    if (options.json) io.stdout(`${JSON.stringify({ ok, modules: reports }, null, 2)}\n`);
    else io.stdout(`${await formatReports(reports)}\n`);
    return ok ? 0 : 1;
  },
});
