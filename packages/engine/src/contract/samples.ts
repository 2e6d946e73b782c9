/**
 * Sample answers for the contract check: one set per relevant combination. A facet is relevant when the
 * module's conditions or templates mention it; the others stay at one value, so a module that only reads
 * `name` renders once and a module that branches on cloud and monitoring renders for each pair.
 */
import { CICD_SYSTEMS, CLOUDS, FRAMEWORKS, GPU_SKUS, PERSONAS, SERVING_MODES, type Answers } from '../answers.js';
import { conditionHolds, type CatalogModule } from '../module.js';
import { handlebarsCompiler } from '../render/compiler.js';

/** Free text that breaks every format whose escaping is missing: quotes, `$`, `#`, braces, a newline, non-ASCII. */
export const SAMPLE_TEXT = `Predicts "churn" for Zoë's team: $HOME, #1 {x} \\ 'quoted' [a, b]\nsecond line`;

const BASE: Answers = {
  name: 'sample-project',
  description: SAMPLE_TEXT,
  team: `data "science" ${'&'} ops`,
  preset: 'contract-check',
  cloud: CLOUDS[0],
  cicd: CICD_SYSTEMS[0],
  framework: FRAMEWORKS[0],
  serving: SERVING_MODES[0],
  gpu: null,
  environments: ['dev', 'staging', 'prod'],
  monitoring: true,
  personas: [...PERSONAS],
  moduleOptions: {},
};

/** The values each answer takes across combinations. */
const VARIANTS: Partial<Record<keyof Answers, readonly unknown[]>> = {
  cloud: CLOUDS,
  cicd: CICD_SYSTEMS,
  framework: FRAMEWORKS,
  serving: SERVING_MODES,
  gpu: [null, { sku: GPU_SKUS[0], count: 2 }],
  environments: [['dev', 'staging', 'prod'], ['prod']],
  monitoring: [true, false],
  personas: [[...PERSONAS], []],
};

/** Template names that are derived from an answer. */
const DERIVED: Record<string, keyof Answers> = { servingOnline: 'serving', servingBatch: 'serving', compute: 'gpu' };

/** The root names a template reads, e.g. `cloud` from `{{#if (eq cloud "aws")}}`. */
export function referencedNames(template: string): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const node = value as { type?: string; parts?: string[]; data?: boolean };
    if (node.type === 'PathExpression' && !node.data && node.parts?.[0]) names.add(node.parts[0]);
    for (const [key, child] of Object.entries(value)) if (key !== 'loc') visit(child);
  };
  visit(handlebarsCompiler().parse(template));
  return names;
}

/**
 * Every combination of the relevant answers that the module's `when` allows, each a complete set of answers.
 * @param templates the module's template sources
 */
export function sampleAnswers(module: CatalogModule, templates: readonly string[]): Answers[] {
  const relevant = new Set<keyof Answers>();
  const conditions = [module.when, ...module.files.map((rule) => rule.when)];
  for (const condition of conditions) for (const facet of Object.keys(condition ?? {})) relevant.add((DERIVED[facet] ?? facet) as keyof Answers);
  for (const template of templates) {
    for (const name of referencedNames(template)) relevant.add((DERIVED[name] ?? name) as keyof Answers);
  }

  let combinations: Answers[] = [BASE];
  for (const key of Object.keys(VARIANTS) as (keyof Answers)[]) {
    if (!relevant.has(key)) continue;
    combinations = combinations.flatMap((answers) => VARIANTS[key]!.map((value) => ({ ...answers, [key]: value })));
  }
  return combinations.filter((answers) => conditionHolds(module.when, answers));
}
