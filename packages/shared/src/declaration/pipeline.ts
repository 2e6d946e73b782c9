import * as z from 'zod/mini';
import { parseWith } from './errors.js';

/** Options of {@link pipeline}. */
export interface PipelineOptions {
  /**
   * Cron schedule (UTC) of scheduled retraining, or null for none.
   * @default '0 3 * * 1' (Mondays 03:00)
   */
  schedule?: string | null;
  /**
   * Cron schedule (UTC) of the drift check against live traffic.
   * @default '0 * * * *' (hourly)
   */
  driftCheckSchedule?: string;
  /**
   * Retrain when the drift check finds a feature over the drift threshold.
   * @default true
   */
  retrainOnDrift?: boolean;
  /**
   * Retrain when new training data lands.
   * @default false
   */
  retrainOnNewData?: boolean;
}

export type Pipeline = Required<PipelineOptions>;

const cron = z.string().check(z.regex(/^(\S+\s+){4}\S+$/, 'must be a five-field cron expression such as "0 3 * * 1"'));

export const PipelineSchema = z.strictObject({ schedule: z.nullable(cron), driftCheckSchedule: cron, retrainOnDrift: z.boolean(), retrainOnNewData: z.boolean() });

/**
 * How and when the model is retrained.
 * @example pipeline({ schedule: '0 2 * * *', retrainOnDrift: true })
 */
export function pipeline(options: PipelineOptions = {}): Pipeline {
  return parseWith(PipelineSchema, {
    schedule: options.schedule === undefined ? '0 3 * * 1' : options.schedule,
    driftCheckSchedule: options.driftCheckSchedule ?? '0 * * * *',
    retrainOnDrift: options.retrainOnDrift ?? true,
    retrainOnNewData: options.retrainOnNewData ?? false,
  }, 'pipeline()');
}
