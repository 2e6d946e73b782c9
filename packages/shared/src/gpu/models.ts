/**
 * The logical GPUs of the catalog and what is true of each on every cloud: its name, memory and the
 * product label NVIDIA GPU feature discovery gives its nodes. What each cloud sells of them is in
 * clouds/<cloud>/gpus.ts.
 */

export const GPU_SKUS = ['t4', 'l4', 'a10', 'a100-40gb', 'a100-80gb', 'h100'] as const;
export type GpuSku = (typeof GPU_SKUS)[number];

/** A logical GPU, whatever the cloud. */
export interface Gpu {
  /** Human name, for docs and messages. */
  label: string;
  memoryGb: number;
  /** Value of the `nvidia.com/gpu.product` node label set by NVIDIA GPU feature discovery. */
  k8sProduct: string;
}

export const GPUS: Record<GpuSku, Gpu> = {
  t4: { label: 'NVIDIA T4 16 GB', memoryGb: 16, k8sProduct: 'Tesla-T4' },
  l4: { label: 'NVIDIA L4 24 GB', memoryGb: 24, k8sProduct: 'NVIDIA-L4' },
  a10: { label: 'NVIDIA A10 24 GB', memoryGb: 24, k8sProduct: 'NVIDIA-A10G' },
  'a100-40gb': { label: 'NVIDIA A100 40 GB', memoryGb: 40, k8sProduct: 'NVIDIA-A100-SXM4-40GB' },
  'a100-80gb': { label: 'NVIDIA A100 80 GB', memoryGb: 80, k8sProduct: 'NVIDIA-A100-SXM4-80GB' },
  h100: { label: 'NVIDIA H100 80 GB', memoryGb: 80, k8sProduct: 'NVIDIA-H100-80GB-HBM3' },
};

/** What a cloud sells of each GPU (each cloud's adapter holds its own, clouds/<cloud>/gpus.ts). */
export interface CloudGpus {
  /**
   * The machine holding N GPUs, by GPU and N (Azure VM size, EC2 instance type without SageMaker's
   * `ml.`, GCP machine type). Undefined where nodes are not the factory's to choose: a cluster
   * schedules any count a node holds.
   */
  machines: Record<GpuSku, Partial<Record<number, string>>> | undefined;
  /** The accelerator type of each GPU, where the cloud names it apart from the machine (GCP). */
  accelerators: Partial<Record<GpuSku, string>>;
}
