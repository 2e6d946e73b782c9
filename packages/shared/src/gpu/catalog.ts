/**
 * The GPU catalog: a logical GPU and a count per node, mapped to what each cloud and Kubernetes call it.
 * A combination a cloud does not sell is an error that lists what it does sell, never a guess.
 * Sizes are the clouds' published GPU VM families; counts are GPUs per VM/node.
 */
import type { Cloud } from '../declaration/common.js';

export const GPU_SKUS = ['t4', 'l4', 'a10', 'a100-40gb', 'a100-80gb', 'h100'] as const;
export type GpuSku = (typeof GPU_SKUS)[number];

interface GpuModel {
  /** Human name, for docs and messages. */
  label: string;
  memoryGb: number;
  /** Azure VM size by GPU count. */
  azure: Partial<Record<number, string>>;
  /** AWS EC2 / SageMaker instance type by GPU count (SageMaker prefixes `ml.`). */
  aws: Partial<Record<number, string>>;
  /** GCP accelerator type, and machine type by GPU count. */
  gcp: { accelerator: string; machines: Partial<Record<number, string>> } | undefined;
  /** Value of the `nvidia.com/gpu.product` node label set by NVIDIA GPU feature discovery. */
  k8sProduct: string;
}

export const GPU_MODELS: Record<GpuSku, GpuModel> = {
  t4: {
    label: 'NVIDIA T4 16 GB',
    memoryGb: 16,
    azure: { 1: 'Standard_NC8as_T4_v3', 4: 'Standard_NC64as_T4_v3' },
    aws: { 1: 'g4dn.2xlarge', 4: 'g4dn.12xlarge', 8: 'g4dn.metal' },
    gcp: { accelerator: 'nvidia-tesla-t4', machines: { 1: 'n1-standard-8', 2: 'n1-standard-16', 4: 'n1-standard-32' } },
    k8sProduct: 'Tesla-T4',
  },
  l4: {
    label: 'NVIDIA L4 24 GB',
    memoryGb: 24,
    azure: {},
    aws: { 1: 'g6.2xlarge', 4: 'g6.12xlarge', 8: 'g6.48xlarge' },
    gcp: { accelerator: 'nvidia-l4', machines: { 1: 'g2-standard-8', 2: 'g2-standard-24', 4: 'g2-standard-48', 8: 'g2-standard-96' } },
    k8sProduct: 'NVIDIA-L4',
  },
  a10: {
    label: 'NVIDIA A10 24 GB',
    memoryGb: 24,
    azure: { 1: 'Standard_NV36ads_A10_v5', 2: 'Standard_NV72ads_A10_v5' },
    aws: { 1: 'g5.2xlarge', 4: 'g5.12xlarge', 8: 'g5.48xlarge' },
    gcp: undefined,
    k8sProduct: 'NVIDIA-A10G',
  },
  'a100-40gb': {
    label: 'NVIDIA A100 40 GB',
    memoryGb: 40,
    azure: { 8: 'Standard_ND96asr_v4' },
    aws: { 8: 'p4d.24xlarge' },
    gcp: { accelerator: 'nvidia-tesla-a100', machines: { 1: 'a2-highgpu-1g', 2: 'a2-highgpu-2g', 4: 'a2-highgpu-4g', 8: 'a2-highgpu-8g' } },
    k8sProduct: 'NVIDIA-A100-SXM4-40GB',
  },
  'a100-80gb': {
    label: 'NVIDIA A100 80 GB',
    memoryGb: 80,
    azure: { 1: 'Standard_NC24ads_A100_v4', 2: 'Standard_NC48ads_A100_v4', 4: 'Standard_NC96ads_A100_v4', 8: 'Standard_ND96amsr_A100_v4' },
    aws: { 8: 'p4de.24xlarge' },
    gcp: { accelerator: 'nvidia-a100-80gb', machines: { 1: 'a2-ultragpu-1g', 2: 'a2-ultragpu-2g', 4: 'a2-ultragpu-4g', 8: 'a2-ultragpu-8g' } },
    k8sProduct: 'NVIDIA-A100-SXM4-80GB',
  },
  h100: {
    label: 'NVIDIA H100 80 GB',
    memoryGb: 80,
    azure: { 1: 'Standard_NC40ads_H100_v5', 2: 'Standard_NC80adis_H100_v5', 8: 'Standard_ND96isr_H100_v5' },
    aws: { 8: 'p5.48xlarge' },
    gcp: { accelerator: 'nvidia-h100-80gb', machines: { 8: 'a3-highgpu-8g' } },
    k8sProduct: 'NVIDIA-H100-80GB-HBM3',
  },
};

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
  const model = GPU_MODELS[sku];
  if (cloud === 'kubernetes') return { machineType: undefined, gcpAccelerator: undefined };
  const table = cloud === 'gcp' ? model.gcp?.machines : model[cloud];
  const machineType = table?.[count];
  if (!machineType) {
    const offered = Object.keys(table ?? {});
    throw new GpuUnavailableError(
      offered.length === 0
        ? `${cloud} offers no ${model.label} (${sku}); choose another GPU for ${cloud}.`
        : `${cloud} offers ${model.label} (${sku}) only with ${offered.join(', ')} GPU(s) per node, not ${count}.`,
    );
  }
  return { machineType, gcpAccelerator: cloud === 'gcp' ? model.gcp!.accelerator : undefined };
}

/**
 * Resolves a GPU request for a cloud.
 * @example resolveGpu('a100-80gb', 4, 'azure').machineType // 'Standard_NC96ads_A100_v4'
 */
export function resolveGpu(sku: GpuSku, count: number, cloud: Cloud): GpuPlacement {
  const model = GPU_MODELS[sku];
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
  return GPU_SKUS.flatMap((sku) => {
    const model = GPU_MODELS[sku];
    // A cluster schedules any count up to a node's eight GPUs; the clouds sell fixed machine shapes.
    if (cloud === 'kubernetes') return [1, 2, 3, 4, 5, 6, 7, 8].map((count) => ({ sku, count }));
    const table = cloud === 'gcp' ? model.gcp?.machines : model[cloud];
    return Object.keys(table ?? {}).map((count) => ({ sku, count: Number(count) }));
  });
}
