/** The file rules of a module against its `files/` folder: no rule without files, no file without a rule. */
import picomatch from 'picomatch';
import type { CatalogModule } from '../module.js';
import type { ContractProblem } from './problem.js';

export function checkFileRules(module: CatalogModule, files: readonly string[]): ContractProblem[] {
  const problems: ContractProblem[] = [];
  const matchers = module.files.map((rule) => picomatch(rule.include, { dot: true }));
  module.files.forEach((rule, index) => {
    if (!files.some((file) => matchers[index]!(file))) {
      problems.push({ check: 'files', message: `rule files[${index}] "${rule.include}" matches no file in files/` });
    }
  });
  for (const file of files) {
    if (!matchers.some((match) => match(file))) {
      problems.push({ check: 'files', file: `files/${file}`, message: 'no rule in "files" declares this file' });
    }
  }
  return problems;
}
