/** Documentation and tests a module must ship: a README describing it, and tests for what it contributes. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogModule } from '../module.js';
import type { ContractProblem } from './problem.js';

const isPython = (file: string) => /\.py(\.hbs)?$/.test(file);
const isProjectTest = (file: string) => /(^|\/)tests\//.test(file);

export function checkDocs(module: CatalogModule): ContractProblem[] {
  const readme = join(module.dir, 'README.md');
  if (!existsSync(readme)) return [{ check: 'docs', file: 'README.md', message: 'missing: describe the module in README.md beside its definition' }];
  const text = readFileSync(readme, 'utf8');
  const prose = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  if (!text.includes(module.id) || prose.length === 0) {
    return [{ check: 'docs', file: 'README.md', message: `must name the module (${module.id}) and describe what it contributes` }];
  }
  return [];
}

/** @param files the module's files, relative to `files/` */
export function checkTests(module: CatalogModule, files: readonly string[]): ContractProblem[] {
  const projectTests = files.filter(isProjectTest);
  const problems: ContractProblem[] = [];
  if (files.some((file) => isPython(file) && !isProjectTest(file)) && projectTests.length === 0) {
    problems.push({ check: 'tests', message: 'contributes Python but no tests: add them under files/tests/' });
  }
  const moduleTests = readdirSync(module.dir).filter((name) => name.endsWith('.test.ts'));
  if (moduleTests.length === 0 && projectTests.length === 0) {
    problems.push({ check: 'tests', message: 'no tests: add a *.test.ts beside the definition, or project tests under files/tests/' });
  }
  return problems;
}
