/** One prompt per answer; each has its flag in options.ts. Every prompt is checked for cancellation. */
import { confirm, isCancel, multiselect, select, text } from '@clack/prompts';
import {
  CICD_SYSTEMS,
  CLOUDS,
  FRAMEWORKS,
  GPU_SKUS,
  PERSONAS,
  projectNameProblem,
  SERVING_MODES,
  type Answers,
  type Catalog,
} from '@ai-factory/engine';

import { Cancelled } from './cancelled.js';

function answered<T>(value: T): Exclude<T, symbol> {
  if (isCancel(value)) throw new Cancelled();
  return value as Exclude<T, symbol>;
}

const choices = <T extends string>(values: readonly T[]) => values.map((value) => ({ value, label: value }));

/** Free text: Enter on an empty line takes the default shown as placeholder. */
const freeText = (message: string, initial: string) =>
  text({
    message,
    placeholder: initial,
    defaultValue: initial,
    validate: (value) => (value && !value.isWellFormed() ? 'Invalid text.' : undefined),
  });

const slugList = /^[a-z][a-z0-9-]{0,31}(,[a-z][a-z0-9-]{0,31})*$/;

type Asker<K extends keyof Answers> = (initial: Answers[K], catalog: Catalog) => Promise<Answers[K]>;

/** The questions, in the order they are asked. */
export const QUESTIONS: { [K in keyof Answers]?: Asker<K> } = {
  name: async (initial) =>
    answered(await text({ message: 'Project name', initialValue: initial, validate: (value) => projectNameProblem(value ?? '') })),
  description: async (initial) => answered(await freeText('What does the model do?', initial)),
  team: async (initial) => answered(await freeText('Owning team', initial)),
  preset: async (initial, catalog) =>
    answered(
      await select({
        message: 'Preset',
        initialValue: initial,
        options: [...catalog.presets.values()].map((preset) => ({ value: preset.id, label: preset.id, hint: preset.summary })),
      }),
    ),
  cloud: async (initial) => answered(await select({ message: 'Cloud', initialValue: initial, options: choices(CLOUDS) })),
  cicd: async (initial) => answered(await select({ message: 'CI/CD', initialValue: initial, options: choices(CICD_SYSTEMS) })),
  framework: async (initial) => answered(await select({ message: 'ML framework', initialValue: initial, options: choices(FRAMEWORKS) })),
  serving: async (initial) => answered(await select({ message: 'Serving', initialValue: initial, options: choices(SERVING_MODES) })),
  gpu: async (initial) => {
    const sku = answered(
      await select<string>({ message: 'Training GPU', initialValue: initial?.sku ?? 'none', options: choices(['none', ...GPU_SKUS]) }),
    );
    if (sku === 'none') return null;
    const count = answered(
      await select({ message: 'GPUs per node', initialValue: initial?.count ?? 1, options: [1, 2, 4, 8].map((value) => ({ value })) }),
    );
    return { sku: sku as (typeof GPU_SKUS)[number], count };
  },
  environments: async (initial) => {
    const value = answered(
      await text({
        message: 'Environments, in promotion order (comma-separated)',
        initialValue: initial.join(','),
        validate: (input) => (slugList.test(input ?? '') ? undefined : 'Use lowercase names separated by commas, e.g. dev,staging,prod.'),
      }),
    );
    return value.split(',');
  },
  monitoring: async (initial) => answered(await confirm({ message: 'Dashboards, alerts and drift monitoring?', initialValue: initial })),
  personas: async (initial) =>
    answered(
      await multiselect({ message: 'Personas that get roles', initialValues: initial, options: choices(PERSONAS), required: false }),
    ),
};

export async function ask<K extends keyof Answers>(key: K, initial: Answers[K], catalog: Catalog): Promise<Answers[K]> {
  const asker = QUESTIONS[key] as Asker<K>;
  return asker(initial, catalog);
}

/** The setup questions, asked after the answers: they shape the first install, not the project. */
export const askRegistry = async (initial: string) =>
  answered(
    await text({
      message: 'npm registry the project installs from',
      initialValue: initial,
      validate: (value) => (/^https?:\/\/\S+$/.test(value ?? '') ? undefined : 'An http(s) URL, e.g. https://npm.example.org/.'),
    }),
  );

export const askInstall = async () => answered(await confirm({ message: 'Install the Node dependencies now (commits package-lock.json)?', initialValue: true }));
