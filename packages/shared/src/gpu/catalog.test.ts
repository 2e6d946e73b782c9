import { describe, expect, it } from 'vitest';
import { CLOUDS } from '../declaration/common.js';
import { GPU_SKUS, GpuUnavailableError, offeredGpus, resolveGpu } from './catalog.js';

describe('GPU catalog', () => {
  it('maps a logical GPU to every cloud and to Kubernetes', () => {
    const azure = resolveGpu('a100-80gb', 4, 'azure');
    expect(azure.machineType).toBe('Standard_NC96ads_A100_v4');
    expect(azure.torchrunProcsPerNode).toBe(4);
    expect(azure.kubernetes.resources.limits).toEqual({ 'nvidia.com/gpu': '4' });
    expect(azure.kubernetes.nodeSelector).toEqual({ 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB' });
    expect(resolveGpu('t4', 1, 'aws').machineType).toBe('g4dn.2xlarge');
    expect(resolveGpu('l4', 2, 'gcp')).toMatchObject({ machineType: 'g2-standard-24', gcpAccelerator: 'nvidia-l4' });
    expect(resolveGpu('h100', 8, 'kubernetes').machineType).toBeUndefined();
  });

  it('refuses a combination a cloud does not offer instead of guessing', () => {
    expect(() => resolveGpu('l4', 1, 'azure')).toThrow(GpuUnavailableError);
    expect(() => resolveGpu('h100', 4, 'aws')).toThrow('aws offers NVIDIA H100 80 GB (h100) only with 8 GPU(s) per node, not 4.');
  });

  it('lists exactly the combinations resolveGpu accepts', () => {
    for (const cloud of CLOUDS) {
      const offered = offeredGpus(cloud);
      for (const sku of GPU_SKUS) {
        for (const count of [1, 2, 3, 4, 8, 9]) {
          const accepted = (() => {
            try {
              resolveGpu(sku, count, cloud);
              return true;
            } catch {
              return false;
            }
          })();
          expect(accepted, `${cloud} ${sku} x${count}`).toBe(offered.some((o) => o.sku === sku && o.count === count));
        }
      }
    }
  });
});
