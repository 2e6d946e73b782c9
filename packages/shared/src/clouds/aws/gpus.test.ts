import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { offeredGpus, resolveGpu } from '../../gpu/catalog.js';
import { AWS_MACHINES } from './machines.js';

/** What SageMaker accepts, by use (vendor/sagemaker/SOURCES.md). */
const SAGEMAKER = JSON.parse(readFileSync(new URL('../../../../../vendor/sagemaker/api.json', import.meta.url), 'utf8')) as Record<
  'training' | 'hosting' | 'transform' | 'processing',
  string[]
>;

const missingFrom = (use: keyof typeof SAGEMAKER, types: string[]) => types.filter((type) => !SAGEMAKER[use].includes(type));

describe('AWS machines are instance types SageMaker offers', () => {
  // Training jobs and endpoints both run on the catalog's machine of a GPU profile.
  const gpuTypes = offeredGpus('aws').map(({ sku, count }) => `ml.${resolveGpu(sku, count, 'aws').machineType}`);

  it('every GPU machine trains and serves on SageMaker', () => {
    expect(gpuTypes.length).toBeGreaterThan(0);
    expect(missingFrom('training', gpuTypes)).toEqual([]);
    expect(missingFrom('hosting', gpuTypes)).toEqual([]);
  });

  it('every CPU size of the workload specs trains, serves and scores in batch (a processing job)', () => {
    const cpuTypes = AWS_MACHINES.cpuSizes.map((size) => `ml.${size.name}`);
    for (const use of ['training', 'hosting', 'processing'] as const) expect(missingFrom(use, cpuTypes)).toEqual([]);
  });

  it('every CPU size the Terraform provisions serves on SageMaker', () => {
    expect(missingFrom('hosting', AWS_MACHINES.terraformCpuSizes.map((size) => size.name))).toEqual([]);
  });
});
