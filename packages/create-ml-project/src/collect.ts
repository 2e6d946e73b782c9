/**
 * Decides every answer. Sources, weakest first: defaults, the preset, an answers file, flags. A missing
 * answer is asked at a terminal, taken from the defaults with --yes, and otherwise an error naming its flag:
 * a run without a terminal never prompts and never hangs.
 */
import { basename } from 'node:path';
import {
  checkProjectName,
  defaultAnswers,
  FactoryError,
  findPreset,
  nearestGpuOffer,
  type Answers,
  type Catalog,
  type PartialAnswers,
} from '@ai-factory/engine';
import { flagFor } from './options.js';

/** The preset `--yes` takes when none is named. */
export const DEFAULT_PRESET = 'azure-tabular';

/** Answers asked after the name and preset, in this order. */
const REMAINING = ['description', 'team', 'cloud', 'cicd', 'framework', 'serving', 'gpu', 'environments', 'monitoring', 'personas'] as const;

export interface CollectOptions {
  catalog: Catalog;
  given: PartialAnswers;
  directory?: string;
  interactive: boolean;
  yes: boolean;
  /** Told each answer the run adjusted on its own (a preset's GPU on a cloud that sells another count). */
  onAdjusted?: (message: string) => void;
}

export async function collectAnswers({ catalog, given, directory, interactive, yes, onAdjusted }: CollectOptions): Promise<Answers> {
  const missing: string[] = [];
  // The answers so far with defaults for the rest: what a question offers depends on them.
  let decided: Answers = { ...defaultAnswers(given.name ?? 'my-ml-project'), preset: DEFAULT_PRESET };
  const resolve = async <K extends keyof Answers>(key: K, fallback: Answers[K] | undefined, initial: Answers[K]): Promise<Answers[K] | undefined> => {
    if (given[key] !== undefined) return given[key] as Answers[K];
    if (fallback !== undefined) return fallback;
    if (yes) return initial;
    // Prompts (and their library) load only when someone is there to answer them.
    if (interactive) return (await import('./questions.js')).ask(key, initial, { catalog, decided });
    missing.push(flagFor(key));
    return undefined;
  };

  const fromDirectory = directory === undefined ? undefined : basename(directory);
  const name = await resolve('name', fromDirectory, 'my-ml-project');
  if (name !== undefined) checkProjectName(name);
  const presetId = await resolve('preset', undefined, DEFAULT_PRESET);
  const preset = presetId === undefined ? undefined : findPreset(catalog, presetId);

  // A preset named up front (flag or file) answers its questions; one picked at the prompt only suggests.
  const presetAnswers: PartialAnswers = preset?.answers ?? {};
  const presetGiven = given.preset !== undefined;
  const defaults = { ...defaultAnswers(name ?? 'my-ml-project'), ...presetAnswers };
  // Modules added or removed after creation come only from a replayed file (a manifest): no flag, no prompt.
  const composition = { ...(given.addedModules ? { addedModules: given.addedModules } : {}), ...(given.removedModules ? { removedModules: given.removedModules } : {}) };
  const answers: Record<string, unknown> = { name, preset: presetId, moduleOptions: given.moduleOptions ?? {}, ...composition };
  for (const key of REMAINING) {
    decided = { ...defaults, ...answers } as Answers;
    answers[key] = await resolve(key, presetGiven ? (presetAnswers[key] as never) : undefined, defaults[key] as never);
  }
  adjustPresetGpu(answers, given, onAdjusted);
  if (missing.length > 0) {
    throw new FactoryError(
      'missing-answers',
      `Missing answers, and there is no terminal to ask: ${missing.join(', ')}.`,
      'Pass them as flags, replay a file with --answers, or take the defaults with --yes.',
    );
  }
  return answers as Answers;
}

/**
 * A preset's GPU is chosen for its own cloud; on a cloud that sells that GPU in other counts per node, the
 * preset's GPU takes the nearest count, and says so. A GPU given by flag or file is the user's: it is
 * never changed (a count the cloud does not sell is an error naming --gpu).
 */
function adjustPresetGpu(answers: Partial<Answers>, given: PartialAnswers, onAdjusted: ((message: string) => void) | undefined): void {
  const { cloud, gpu } = answers;
  if (given.gpu !== undefined || !gpu || !cloud) return;
  const nearest = nearestGpuOffer(cloud, gpu);
  if (!nearest || nearest.count === gpu.count) return;
  answers.gpu = nearest;
  onAdjusted?.(`The preset's GPU, ${gpu.sku}:${gpu.count}, is not sold on ${cloud}: the project trains on ${nearest.sku}:${nearest.count}, the nearest count ${cloud} sells (choose another with --gpu).`);
}
