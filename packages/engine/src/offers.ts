/**
 * What a project can take: the GPUs each cloud sells, and the values of an answer that the preset can still
 * compose with the answers already decided. The wizard offers only these, and generation refuses the rest as
 * a user mistake that names its flag, never as an internal error.
 */
import { CICD_SYSTEMS, CLOUDS, FRAMEWORKS, GpuUnavailableError, offeredGpus, resolveGpu, SERVING_MODES } from '@ai-factory/shared';
import type { Answers } from './answers.js';
import type { Catalog } from './catalog.js';
import { FactoryError } from './errors.js';
import { resolveModules } from './resolve.js';

type Gpu = NonNullable<Answers['gpu']>;

/** The answers that decide which modules compose, in the order the wizard asks them. */
const SHAPING_ANSWERS = ['cloud', 'cicd', 'framework', 'serving', 'gpu'] as const;
type ShapingAnswer = (typeof SHAPING_ANSWERS)[number];

/**
 * A GPU the cloud does not sell in that count, as the error `--gpu` gets; undefined when it does. The GPU
 * catalog words the offer (it is what a declaration's synth would throw); this adds the flag to change.
 */
export function gpuOfferProblem(answers: Pick<Answers, 'cloud' | 'gpu'>): FactoryError | undefined {
  const { cloud, gpu } = answers;
  if (!gpu) return undefined;
  try {
    resolveGpu(gpu.sku, gpu.count, cloud);
    return undefined;
  } catch (error) {
    if (!(error instanceof GpuUnavailableError)) throw error;
    const offered = offeredGpus(cloud).map((o) => `${o.sku}:${o.count}`);
    return new FactoryError('incompatible', error.message, `Change --gpu to none or one of: ${offered.join(', ')}.`);
  }
}

/**
 * The cloud's offer nearest to `gpu`: the same GPU at the per-node count closest to the one wanted (the
 * larger on a tie, so a job keeps at least the GPUs it had); undefined when the cloud does not sell that GPU.
 * @example nearestGpuOffer('aws', { sku: 'a100-80gb', count: 4 }) // { sku: 'a100-80gb', count: 8 }
 */
export function nearestGpuOffer(cloud: Answers['cloud'], gpu: Gpu): Gpu | undefined {
  const counts = offeredGpus(cloud).filter((offer) => offer.sku === gpu.sku).map((offer) => offer.count);
  const distance = (count: number) => Math.abs(count - gpu.count);
  const count = counts.reduce<number | undefined>((best, c) => (best === undefined || distance(c) < distance(best) || (distance(c) === distance(best) && c > best) ? c : best), undefined);
  return count === undefined ? undefined : { sku: gpu.sku, count };
}

/** Whether the answers compose: every capability has a module, and the cloud sells the GPU. */
function composes(catalog: Catalog, answers: Answers): boolean {
  if (gpuOfferProblem(answers)) return false;
  try {
    resolveModules(catalog, answers);
    return true;
  } catch (error) {
    if (error instanceof FactoryError && error.code === 'incompatible') return false;
    throw error;
  }
}

/**
 * The values tried for an answer. For a GPU only CPU and one GPU matter to composition (`compute:cpu|gpu`);
 * which GPU is the cloud's offer, checked on its own.
 */
function candidates(key: ShapingAnswer, answers: Answers): readonly Answers[ShapingAnswer][] {
  switch (key) {
    case 'cloud':
      return CLOUDS;
    case 'cicd':
      return CICD_SYSTEMS;
    case 'framework':
      return FRAMEWORKS;
    case 'serving':
      return SERVING_MODES;
    case 'gpu':
      return [null, offeredGpus(answers.cloud)[0] ?? null];
  }
}

/** Whether some choice of the answers asked after `index` lets these answers compose. */
function completes(catalog: Catalog, answers: Answers, index: number): boolean {
  const key = SHAPING_ANSWERS[index];
  if (key === undefined) return composes(catalog, answers);
  return candidates(key, answers).some((value) => completes(catalog, { ...answers, [key]: value }, index + 1));
}

/**
 * The values of `key` the preset can take, given `decided` (the answers so far, defaults for the rest):
 * those for which some choice of the later shaping answers composes. The answers before `key` stay fixed.
 * @example viableValues(catalog, { ...answers, preset: 'aws-tabular' }, 'framework') // ['sklearn']
 */
export function viableValues<K extends Exclude<ShapingAnswer, 'gpu'>>(catalog: Catalog, decided: Answers, key: K): Answers[K][] {
  const index = SHAPING_ANSWERS.indexOf(key);
  return (candidates(key, decided) as Answers[K][]).filter((value) => completes(catalog, { ...decided, [key]: value }, index + 1));
}

/** The GPUs the wizard offers: none when the preset trains on CPU, and each (sku, count) the cloud sells when it trains on GPU. */
export function viableGpus(catalog: Catalog, decided: Answers): { cpu: boolean; gpus: Gpu[] } {
  const cpu = composes(catalog, { ...decided, gpu: null });
  const gpus = offeredGpus(decided.cloud);
  const gpu = gpus[0] !== undefined && composes(catalog, { ...decided, gpu: gpus[0] });
  return { cpu, gpus: gpu ? gpus : [] };
}
