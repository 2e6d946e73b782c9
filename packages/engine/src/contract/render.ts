/**
 * Renders a module's templates (and runs its `generate`) with every relevant combination of sample answers,
 * and parses what comes out of YAML, JSON and TOML templates: a template that fails or produces a broken file
 * for some answers is caught here, before any project is generated with them.
 */
import { parse as parseToml } from 'smol-toml';
import type { parse as ParseYaml } from 'yaml';
import type { Answers } from '../answers.js';
import { templateContext } from '../generate.js';
import { conditionHolds, type CatalogModule } from '../module.js';
import { renderTemplate } from '../render/helpers.js';
import picomatch from 'picomatch';
import { safeParse } from 'zod/mini';
import { onDemand } from '../on-demand.js';
import { fileFormat } from './format.js';
import type { ContractProblem } from './problem.js';

// Required on the first YAML file: a bundle of the engine that generates projects never checks a contract.
const yaml = onDemand<{ parse: typeof ParseYaml }>('yaml');
const parseYaml = (text: string): unknown => yaml().parse(text);
const PARSERS: Record<string, (text: string) => unknown> = { yaml: parseYaml, json: JSON.parse, toml: parseToml };

function describe(answers: Answers): string {
  const { cloud, cicd, framework, serving, gpu, monitoring } = answers;
  return `cloud=${cloud} cicd=${cicd} framework=${framework} serving=${serving} gpu=${gpu ? gpu.sku : 'none'} monitoring=${monitoring}`;
}

/**
 * @param templates module source path (relative to `files/`) → template text, for the `.hbs` files
 * @param samples the answer combinations to render with
 */
export function checkRendering(module: CatalogModule, templates: ReadonlyMap<string, string>, samples: readonly Answers[]): ContractProblem[] {
  const problems = new Map<string, ContractProblem>();
  const report = (problem: ContractProblem) => problems.set(`${problem.file}\0${problem.message.split(' (with ')[0]}`, problem);
  const parsedOptions = module.options ? safeParse(module.options, {}) : { success: true as const, data: {} };
  if (!parsedOptions.success) {
    return [{ check: 'definition', message: `every option needs a default: ${parsedOptions.error.issues.map((i) => i.path.join('.')).join(', ')}` }];
  }
  const rules = module.files.map((rule) => ({ rule, match: picomatch(rule.include, { dot: true }) }));
  for (const answers of samples) {
    const context = { ...templateContext(answers, '0.0.0'), options: parsedOptions.data };
    for (const [path, template] of templates) {
      const rule = rules.find(({ match }) => match(path))?.rule;
      if (rule && !conditionHolds(rule.when, answers)) continue;
      const file = `files/${path}`;
      let output: string;
      try {
        output = renderTemplate(template, context);
      } catch (error) {
        report({ check: 'render', file, message: `does not render (with ${describe(answers)}): ${(error as Error).message}` });
        continue;
      }
      const parse = PARSERS[fileFormat(path) ?? ''];
      try {
        parse?.(output);
      } catch (error) {
        report({ check: 'render', file, message: `renders invalid ${fileFormat(path)} (with ${describe(answers)}): ${(error as Error).message.split('\n')[0]}` });
      }
    }
    try {
      module.generate?.({ answers, options: parsedOptions.data, factoryVersion: '0.0.0' });
    } catch (error) {
      report({ check: 'render', message: `generate() fails (with ${describe(answers)}): ${(error as Error).message}` });
    }
  }
  return [...problems.values()];
}
