/**
 * The GPU catalog: a logical GPU and a count per node, mapped to what each cloud and Kubernetes call it.
 * A combination a cloud does not sell is an error that lists what it does sell, never a guess.
 * Sizes are the clouds' published GPU VM families (clouds/<cloud>/gpus.ts); counts are GPUs per VM/node.
 */
import { CLOUD_GPUS } from '../clouds/gpus.js';
import type { Cloud } from '../declaration/common.js';
import { GPU_SKUS, GPUS, type GpuSku } from './models.js';

export { GPU_SKUS, type GpuSku } from './models.js';
export { GPU_MODELS, type GpuModel } from '../clouds/gpus.js';

/** GPUs a cluster node holds at most: a cluster schedules any count up to it, the clouds sell fixed machine shapes. */
const NODE_GPUS = 8;

/** CUDA runtime images: one CUDA line for every GPU above (all are Turing or newer). */
export const CUDA_BASE_IMAGE = 'nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04';
export const PYTORCH_CUDA_IMAGE = 'pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime';

/** Everything a synthesizer needs to place `count` GPUs of `sku` on one node of a cloud. */
export interface GpuPlacement {
  sku: GpuSku;
  count: number;
  label: string;
  /** The cloud's machine: Azure VM size, AWS instance type, GCP machine type; undefined on plain Kubernetes. */
  machineType: string | undefined;
  /** GCP accelerator type, for Vertex AI and GKE node pools. */
  gcpAccelerator: string | undefined;
  kubernetes: {
    resources: { limits: Record<string, string>; requests: Record<string, string> };
    nodeSelector: Record<string, string>;
    tolerations: { key: string; operator: 'Exists'; effect: 'NoSchedule' }[];
  };
  cudaImage: string;
  pytorchImage: string;
  /** `torchrun --nproc-per-node`: one process per GPU. */
  torchrunProcsPerNode: number;
}

/** Thrown for a GPU combination a cloud does not offer; the message lists the ones it does. */
export class GpuUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GpuUnavailableError';
  }
}

function machineFor(sku: GpuSku, count: number, cloud: Cloud): { machineType: string | undefined; gcpAccelerator: string | undefined } {
  const offer = CLOUD_GPUS[cloud];
  if (!offer.machines) {
    if (Number.isInteger(count) && count >= 1 && count <= NODE_GPUS) return { machineType: undefined, gcpAccelerator: undefined };
    throw new GpuUnavailableError(`${cloud} nodes hold 1 to ${NODE_GPUS} GPUs, not ${count}.`);
  }
  const table = offer.machines[sku];
  const machineType = table[count];
  if (!machineType) {
    const { label } = GPUS[sku];
    const offered = Object.keys(table);
    throw new GpuUnavailableError(
      offered.length === 0
        ? `${cloud} offers no ${label} (${sku}); choose another GPU for ${cloud}.`
        : `${cloud} offers ${label} (${sku}) only with ${offered.join(', ')} GPU(s) per node, not ${count}.`,
    );
  }
  return { machineType, gcpAccelerator: offer.accelerators[sku] };
}

/**
 * Resolves a GPU request for a cloud.
 * @example resolveGpu('a100-80gb', 4, 'azure').machineType // 'Standard_NC96ads_A100_v4'
 */
export function resolveGpu(sku: GpuSku, count: number, cloud: Cloud): GpuPlacement {
  const model = GPUS[sku];
  if (!model) throw new GpuUnavailableError(`Unknown GPU "${sku}"; the catalog has ${GPU_SKUS.join(', ')}.`);
  const gpus = String(count);
  return {
    sku,
    count,
    label: model.label,
    ...machineFor(sku, count, cloud),
    kubernetes: {
      resources: { limits: { 'nvidia.com/gpu': gpus }, requests: { 'nvidia.com/gpu': gpus } },
      nodeSelector: { 'nvidia.com/gpu.product': model.k8sProduct },
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
    },
    cudaImage: CUDA_BASE_IMAGE,
    pytorchImage: PYTORCH_CUDA_IMAGE,
    torchrunProcsPerNode: count,
  };
}

/** Every (sku, count) that a cloud offers, for docs and the matrix test. */
export function offeredGpus(cloud: Cloud): { sku: GpuSku; count: number }[] {
  const { machines } = CLOUD_GPUS[cloud];
  return GPU_SKUS.flatMap((sku) => {
    if (!machines) return Array.from({ length: NODE_GPUS }, (_, i) => ({ sku, count: i + 1 }));
    return Object.keys(machines[sku]).map((count) => ({ sku, count: Number(count) }));
  });
}
