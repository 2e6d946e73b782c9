import * as z from 'zod/mini';
import { parseWith } from './errors.js';
import { SERVING_MODES, type ServingMode } from './common.js';
import { ComputeProfileSchema, cpu, type ComputeProfile } from './compute.js';

export { SERVING_MODES, type ServingMode };

/** Options of {@link serving}. */
export interface ServingOptions {
  /** Online (HTTP endpoint), batch (scheduled scoring) or both. */
  mode: ServingMode;
  /**
   * Replicas of the online endpoint; autoscaling moves between min and max.
   * @default { min: 2, max: 4 }
   */
  replicas?: { min: number; max: number };
  /**
   * Average CPU utilisation (%) the autoscaler aims for.
   * @default 70
   */
  targetCpuUtilization?: number;
  /**
   * Compute of each serving replica.
   * @default cpu({ vcpus: 2, memoryGi: 4 })
   */
  compute?: ComputeProfile;
  /**
   * Cron schedule (UTC) of batch scoring.
   * @default '0 4 * * *'
   */
  batchSchedule?: string;
}

export type Serving = Required<ServingOptions>;

export const ServingSchema = z.strictObject({
  mode: z.enum(SERVING_MODES),
  replicas: z
    .strictObject({ min: z.int().check(z.minimum(1), z.maximum(100)), max: z.int().check(z.minimum(1), z.maximum(100)) })
    .check(z.refine((r) => r.min <= r.max, { message: 'min must not exceed max', path: ['min'] })),
  targetCpuUtilization: z.int().check(z.minimum(10), z.maximum(95)),
  compute: ComputeProfileSchema,
  batchSchedule: z.string().check(z.regex(/^(\S+\s+){4}\S+$/, 'must be a five-field cron expression')),
});

/**
 * How predictions are served.
 * @example serving({ mode: 'online', replicas: { min: 2, max: 10 } })
 */
export function serving(options: ServingOptions): Serving {
  return parseWith(ServingSchema, {
    mode: options.mode,
    replicas: options.replicas ?? { min: 2, max: 4 },
    targetCpuUtilization: options.targetCpuUtilization ?? 70,
    compute: options.compute ?? cpu({ vcpus: 2, memoryGi: 4 }),
    batchSchedule: options.batchSchedule ?? '0 4 * * *',
  }, 'serving()');
}
