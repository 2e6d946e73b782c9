import * as z from 'zod/mini';
import { parseWith } from './errors.js';
import { GPU_SKUS, type GpuSku } from '../gpu/catalog.js';

/** Options of {@link cpu}. */
export interface CpuOptions {
  /**
   * vCPUs per node, the unit every cloud sizes and prices machines by.
   * @default 4
   */
  vcpus?: number;
  /**
   * Memory per node in GiB.
   * @default 16
   */
  memoryGi?: number;
}

/** Options of {@link accelerator}. */
export interface AcceleratorOptions {
  /**
   * GPUs per node; distributed training starts one process per GPU.
   * @default 1
   */
  count?: number;
  /**
   * Nodes for distributed training.
   * @default 1
   */
  nodes?: number;
}

export type ComputeProfile =
  | { kind: 'cpu'; vcpus: number; memoryGi: number }
  | { kind: 'gpu'; sku: GpuSku; count: number; nodes: number };

export const ComputeProfileSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cpu'), vcpus: z.int().check(z.minimum(1), z.maximum(96)), memoryGi: z.int().check(z.minimum(1), z.maximum(768)) }),
  z.strictObject({
    kind: z.literal('gpu'),
    sku: z.enum(GPU_SKUS, { error: (issue) => `unknown GPU ${JSON.stringify(issue.input)}; the catalog has ${GPU_SKUS.join(', ')}` }),
    count: z.int().check(z.minimum(1), z.maximum(8)),
    nodes: z.int().check(z.minimum(1), z.maximum(64)),
  }),
]);

/**
 * A CPU compute profile.
 * @example cpu({ vcpus: 8, memoryGi: 32 })
 */
export function cpu(options: CpuOptions = {}): ComputeProfile {
  return parseWith(ComputeProfileSchema, { kind: 'cpu', vcpus: options.vcpus ?? 4, memoryGi: options.memoryGi ?? 16 }, 'cpu()');
}

/**
 * A GPU compute profile: the logical GPU from the catalog, then how many; whether the cloud offers it is
 * checked when the project is declared.
 * @example accelerator('a100-80gb', { count: 4, nodes: 2 })
 */
export function accelerator(sku: GpuSku, options: AcceleratorOptions = {}): ComputeProfile {
  return parseWith(ComputeProfileSchema, { kind: 'gpu', sku, count: options.count ?? 1, nodes: options.nodes ?? 1 }, 'accelerator()');
}
