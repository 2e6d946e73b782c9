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
  viableGpus,
  viableValues,
  type Answers,
  type Catalog,
} from '@ai-factory/engine';

import { Cancelled } from './cancelled.js';

function answered<T>(value: T): Exclude<T, symbol> {
  if (isCancel(value)) throw new Cancelled();
  return value as Exclude<T, symbol>;
}

const choices = <T extends string>(values: readonly T[]) => values.map((value) => ({ value, label: value }));

/**
 * One of the values the preset can take: asked only when there is a choice. None viable means answers given
 * by flag already clash; every value is offered then, and generation names the clash.
 */
async function pick<T extends string>(message: string, initial: T, viable: readonly T[], all: readonly T[]): Promise<T> {
  if (viable.length === 1) return viable[0]!;
  const values: readonly string[] = viable.length > 0 ? viable : all;
  const value = await select<string>({ message, initialValue: values.includes(initial) ? initial : values[0], options: choices(values) });
  return answered(value) as T;
}

/** Free text: Enter on an empty line takes the default shown as placeholder. */
const freeText = (message: string, initial: string) =>
  text({
    message,
    placeholder: initial,
    defaultValue: initial,
    validate: (value) => (value && !value.isWellFormed() ? 'Invalid text.' : undefined),
  });

const slugList = /^[a-z][a-z0-9-]{0,31}(,[a-z][a-z0-9-]{0,31})*$/;

/** What a question knows: the catalog, and the answers decided so far with defaults for the rest. */
export interface AskContext {
  catalog: Catalog;
  decided: Answers;
}

type Asker<K extends keyof Answers> = (initial: Answers[K], context: AskContext) => Promise<Answers[K]>;

/** The questions, in the order they are asked. */
export const QUESTIONS: { [K in keyof Answers]?: Asker<K> } = {
  name: async (initial) =>
    answered(await text({ message: 'Project name', initialValue: initial, validate: (value) => projectNameProblem(value ?? '') })),
  description: async (initial) => answered(await freeText('What does the model do?', initial)),
  team: async (initial) => answered(await freeText('Owning team', initial)),
  preset: async (initial, { catalog }) =>
    answered(
      await select({
        message: 'Preset',
        initialValue: initial,
        options: [...catalog.presets.values()].map((preset) => ({ value: preset.id, label: preset.id, hint: preset.summary })),
      }),
    ),
  cloud: async (initial, { catalog, decided }) => pick('Cloud', initial, viableValues(catalog, decided, 'cloud'), CLOUDS),
  cicd: async (initial, { catalog, decided }) => pick('CI/CD', initial, viableValues(catalog, decided, 'cicd'), CICD_SYSTEMS),
  framework: async (initial, { catalog, decided }) => pick('ML framework', initial, viableValues(catalog, decided, 'framework'), FRAMEWORKS),
  serving: async (initial, { catalog, decided }) => pick('Serving', initial, viableValues(catalog, decided, 'serving'), SERVING_MODES),
  gpu: async (initial, { catalog, decided }) => {
    const { cpu, gpus } = viableGpus(catalog, decided);
    const skus = [...(cpu ? ['none'] : []), ...new Set(gpus.map((gpu) => gpu.sku))];
    const sku = await pick('Training GPU', initial?.sku ?? 'none', skus, ['none', ...GPU_SKUS]);
    if (sku === 'none') return null;
    const counts = gpus.filter((gpu) => gpu.sku === sku).map((gpu) => String(gpu.count));
    const count = await pick('GPUs per node', String(initial?.count ?? counts[0] ?? 1), counts, ['1', '2', '4', '8']);
    return { sku: sku as (typeof GPU_SKUS)[number], count: Number(count) };
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

export async function ask<K extends keyof Answers>(key: K, initial: Answers[K], context: AskContext): Promise<Answers[K]> {
  const asker = QUESTIONS[key] as Asker<K>;
  return asker(initial, context);
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
