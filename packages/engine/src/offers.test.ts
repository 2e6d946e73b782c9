import { describe, expect, it } from 'vitest';
import { defaultAnswers, type Answers } from './answers.js';
import { FactoryError } from './errors.js';
import { generateProject } from './generate.js';
import type { ModuleDefinitionInput } from './module.js';
import { gpuOfferProblem, nearestGpuOffer, viableGpus, viableValues } from './offers.js';
import { fixtureCatalog } from './test-catalog.js';

const module = (id: string, provides: string[], when?: ModuleDefinitionInput['when']): [ModuleDefinitionInput, Record<string, string>] => [
  { id, version: '1.0.0', summary: id, provides, files: [{ include: '**' }], ...(when ? { when } : {}) },
  { [`${id.replace('/', '-')}.txt`]: id },
];

/** Scikit-learn on CPU on Azure and AWS; PyTorch on CPU or GPU, but only on Kubernetes; online serving only. */
const catalog = fixtureCatalog([
  module('core/base', ['cloud:azure', 'cloud:aws', 'cloud:kubernetes', 'serving:online']),
  module('ml/sklearn', ['framework:sklearn', 'compute:cpu'], { framework: ['sklearn'] }),
  module('ml/pytorch', ['framework:pytorch', 'compute:cpu', 'compute:gpu'], { framework: ['pytorch'], cloud: ['kubernetes'] }),
]);
const answers = (overrides: Partial<Answers> = {}): Answers => ({ ...defaultAnswers('demo'), preset: 'demo', ...overrides });

describe('the values a preset can take', () => {
  it('offers a cloud only when some framework, serving mode and GPU choice compose on it', () => {
    expect(viableValues(catalog, answers(), 'cloud')).toEqual(['azure', 'aws', 'kubernetes']);
    expect(viableValues(catalog, answers(), 'serving')).toEqual(['online']);
  });

  it('offers only the frameworks the chosen cloud has a module for', () => {
    expect(viableValues(catalog, answers({ cloud: 'azure' }), 'framework')).toEqual(['sklearn']);
    expect(viableValues(catalog, answers({ cloud: 'kubernetes' }), 'framework')).toEqual(['sklearn', 'pytorch']);
  });

  it('offers no GPU to scikit-learn, and every GPU the cloud sells to PyTorch', () => {
    expect(viableGpus(catalog, answers({ cloud: 'azure', framework: 'sklearn' }))).toEqual({ cpu: true, gpus: [] });
    const pytorch = viableGpus(catalog, answers({ cloud: 'kubernetes', framework: 'pytorch' }));
    expect(pytorch.cpu).toBe(true);
    expect(pytorch.gpus).toContainEqual({ sku: 'a100-80gb', count: 8 });
  });
});

describe('a GPU the cloud does not sell', () => {
  it('names the counts the cloud sells and the flag to change', () => {
    const problem = gpuOfferProblem({ cloud: 'aws', gpu: { sku: 't4', count: 3 } });
    expect(problem).toBeInstanceOf(FactoryError);
    expect(problem?.code).toBe('incompatible');
    expect(problem?.message).toMatch(/^aws offers NVIDIA T4 16 GB \(t4\) only with [\d, ]+ GPU\(s\) per node, not 3\.$/);
    expect(problem?.hint).toMatch(/^Change --gpu to none or one of: .*t4:1/);
    expect(gpuOfferProblem({ cloud: 'aws', gpu: null })).toBeUndefined();
  });

  it('is refused by generation as a user mistake, not an internal error', () => {
    const gpuOnAws = fixtureCatalog([module('core/base', ['cloud:aws', 'serving:online', 'framework:pytorch', 'compute:gpu', 'compute:cpu'])]);
    expect(() => generateProject(gpuOnAws, answers({ cloud: 'aws', framework: 'pytorch', gpu: { sku: 't4', count: 3 } }))).toThrow(
      expect.objectContaining({ name: 'FactoryError', code: 'incompatible' }),
    );
  });
});

describe("the cloud's offer nearest to a GPU", () => {
  it('keeps the GPU and takes the closest count the cloud sells, the larger on a tie', () => {
    // AWS sells A100 80 GB only 8 to a node, T4 with 1 or 4; Azure sells A100 80 GB with 1, 2, 4 or 8.
    expect(nearestGpuOffer('aws', { sku: 'a100-80gb', count: 4 })).toEqual({ sku: 'a100-80gb', count: 8 });
    expect(nearestGpuOffer('aws', { sku: 't4', count: 2 })).toEqual({ sku: 't4', count: 1 });
    expect(nearestGpuOffer('aws', { sku: 't4', count: 3 })).toEqual({ sku: 't4', count: 4 });
    expect(nearestGpuOffer('azure', { sku: 'a100-80gb', count: 3 })).toEqual({ sku: 'a100-80gb', count: 4 });
    expect(nearestGpuOffer('azure', { sku: 'a100-80gb', count: 4 })).toEqual({ sku: 'a100-80gb', count: 4 });
  });

  it('has none when the cloud does not sell that GPU', () => {
    expect(nearestGpuOffer('gcp', { sku: 'a10', count: 1 })).toBeUndefined();
  });
});
