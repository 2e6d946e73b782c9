import { describe, expect, it } from 'vitest';
import { CLOUDS } from '../declaration/common.js';
import { COMMON_WORKLOAD_VARIABLES } from '../workloads/placeholders.js';
import { CLOUD_GPUS } from './gpus.js';
import { CLOUD_ADAPTERS } from './index.js';

describe('CLOUD_ADAPTERS', () => {
  it.each(CLOUDS)('holds the %s adapter under its own name', (cloud) => {
    expect(CLOUD_ADAPTERS[cloud].id).toBe(cloud);
  });

  it.each(CLOUDS)('%s: the GPU offer the declaration checks is the adapter’s', (cloud) => {
    expect(CLOUD_GPUS[cloud]).toBe(CLOUD_ADAPTERS[cloud].gpus);
  });

  it.each(CLOUDS)('%s: the workload placeholders start with the ones every image reference uses', (cloud) => {
    expect(CLOUD_ADAPTERS[cloud].workloads.variables.slice(0, COMMON_WORKLOAD_VARIABLES.length)).toEqual(COMMON_WORKLOAD_VARIABLES);
  });

  it('gives every cloud its own workload spec paths', () => {
    const paths = CLOUDS.flatMap((cloud) => {
      const { training, online, batch } = CLOUD_ADAPTERS[cloud].workloads;
      return [training.path, online.path, batch.path];
    });
    expect(new Set(paths).size).toBe(paths.length);
  });
});
