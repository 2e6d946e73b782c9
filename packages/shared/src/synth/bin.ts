#!/usr/bin/env node
/** `ai-factory-synth [--check] [--dir DIR]`: writes or checks the managed files of a project. */
import { parseArgs } from 'node:util';
import { DeclarationError } from '../declaration/errors.js';
import { loadDeclaration } from './load-config.js';
import { checkProject, explain, writeProject } from './project-files.js';
import { synthesize } from './synthesize.js';

const USAGE = `Usage: ai-factory-synth [--check] [--dir DIR]

Writes the managed files (CI/CD, IaC values, Kubernetes manifests, dashboards, alert rules, RBAC) that
ai-factory.config.ts declares. With --check, writes nothing and exits 1 when a managed file is missing,
stale, obsolete or was edited by hand, naming each.`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { check: { type: 'boolean' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return console.log(USAGE), 0;
  const dir = values.dir ?? process.cwd();
  const artifacts = synthesize(await loadDeclaration(dir));
  if (values.check) {
    const problems = checkProject(dir, artifacts);
    for (const problem of problems) console.error(explain(problem));
    if (problems.length === 0) console.log(`${artifacts.length} managed files are up to date.`);
    return problems.length === 0 ? 0 : 1;
  }
  const { written, removed } = writeProject(dir, artifacts);
  for (const path of written) console.log(`wrote   ${path}`);
  for (const path of removed) console.log(`removed ${path}`);
  console.log(`${artifacts.length} managed files, ${written.length} written, ${removed.length} removed.`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof DeclarationError || error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
