/**
 * The module contract: what every module, built-in or external, must satisfy before CI accepts it. Each
 * check is a pure function of the module and its folder; this file runs them all and collects the problems.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../catalog.js';
import type { CatalogModule } from '../module.js';
import { checkDocs, checkTests } from './docs.js';
import { findUnescaped } from './escaping.js';
import type { ContractProblem, ContractReport } from './problem.js';
import { checkRendering } from './render.js';
import { checkFileRules } from './rules.js';
import { sampleAnswers } from './samples.js';

function checkEscaping(templates: ReadonlyMap<string, string>): { problems: ContractProblem[]; parsed: Map<string, string> } {
  const problems: ContractProblem[] = [];
  const parsed = new Map<string, string>();
  for (const [path, template] of templates) {
    const file = `files/${path}`;
    try {
      for (const violation of findUnescaped(template, path)) {
        problems.push({ check: 'escaping', file, line: violation.line, message: `${violation.expression}: ${violation.message}` });
      }
      parsed.set(path, template);
    } catch (error) {
      problems.push({ check: 'render', file, message: `is not a valid Handlebars template: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  return { problems, parsed };
}

/**
 * Checks a loaded module against the contract.
 * @example const { problems } = checkModuleContract(catalog.modules.get('serving/batch')!);
 */
export function checkModuleContract(module: CatalogModule): ContractReport {
  const files = listFiles(join(module.dir, 'files'));
  const templates = new Map(files.filter((file) => file.endsWith('.hbs')).map((file) => [file, readFileSync(join(module.dir, 'files', file), 'utf8')]));
  const escaping = checkEscaping(templates);
  const problems = [
    ...checkFileRules(module, files),
    ...escaping.problems,
    ...checkRendering(module, escaping.parsed, sampleAnswers(module, [...escaping.parsed.values()])),
    ...checkDocs(module),
    ...checkTests(module, files),
  ];
  return { module: module.id, dir: module.dir, problems };
}
