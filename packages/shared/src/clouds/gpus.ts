/**
 * What each cloud sells of each GPU, and the catalog by GPU as the playbook reads it. The adapters
 * (index.ts) hold the same offers; this table stands apart from them because the declaration checks
 * GPUs (gpu/catalog.ts) and must not load every cloud's synthesizers to do it.
 */
import type { Cloud } from '../declaration/common.js';
import { GPU_SKUS, GPUS, type CloudGpus, type Gpu, type GpuSku } from '../gpu/models.js';
import { AWS_GPUS } from './aws/gpus.js';
import { AZURE_GPUS } from './azure/gpus.js';
import { GCP_GPUS } from './gcp/gpus.js';
import { KUBERNETES_GPUS } from './kubernetes/gpus.js';

export const CLOUD_GPUS: Record<Cloud, CloudGpus> = { azure: AZURE_GPUS, aws: AWS_GPUS, gcp: GCP_GPUS, kubernetes: KUBERNETES_GPUS };

/** One GPU of the catalog with every managed cloud's machines. */
export interface GpuModel {
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

function model(sku: GpuSku, gpu: Gpu): GpuModel {
  const accelerator = GCP_GPUS.accelerators[sku];
  return {
    label: gpu.label,
    memoryGb: gpu.memoryGb,
    azure: AZURE_GPUS.machines![sku],
    aws: AWS_GPUS.machines![sku],
    gcp: accelerator ? { accelerator, machines: GCP_GPUS.machines![sku] } : undefined,
    k8sProduct: gpu.k8sProduct,
  };
}

/** The catalog by GPU: its name, memory, each managed cloud's machines and its Kubernetes product label. */
export const GPU_MODELS = Object.fromEntries(GPU_SKUS.map((sku) => [sku, model(sku, GPUS[sku])])) as Record<GpuSku, GpuModel>;
