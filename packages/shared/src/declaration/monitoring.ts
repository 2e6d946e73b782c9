import { z } from 'zod';
import { parseWith } from './errors.js';

/** Options of {@link monitoring}. */
export interface MonitoringOptions {
  /**
   * Ship dashboards and alert rules.
   * @default true
   */
  enabled?: boolean;
  /**
   * 95th percentile latency objective of /predict, in milliseconds.
   * @default 300
   */
  latencyP95Ms?: number;
  /**
   * Highest acceptable share of failed requests, in percent.
   * @default 1
   */
  errorRatePercent?: number;
  /**
   * Population stability index above which a feature has drifted (warning).
   * @default 0.1
   */
  driftWarningPsi?: number;
  /**
   * Population stability index above which drift is critical (and retraining triggers).
   * @default 0.25
   */
  driftCriticalPsi?: number;
}

export type Monitoring = Required<MonitoringOptions>;

export const MonitoringSchema = z
  .object({
    enabled: z.boolean(),
    latencyP95Ms: z.number().positive().max(60_000),
    errorRatePercent: z.number().positive().max(100),
    driftWarningPsi: z.number().positive().max(10),
    driftCriticalPsi: z.number().positive().max(10),
  })
  .strict()
  .refine((m) => m.driftWarningPsi < m.driftCriticalPsi, { message: 'must be above driftWarningPsi', path: ['driftCriticalPsi'] });

/**
 * Service objectives and drift thresholds, turned into dashboards and alert rules.
 * @example monitoring({ latencyP95Ms: 200, driftCriticalPsi: 0.3 })
 */
export function monitoring(options: MonitoringOptions = {}): Monitoring {
  return parseWith(MonitoringSchema, {
    enabled: options.enabled ?? true,
    latencyP95Ms: options.latencyP95Ms ?? 300,
    errorRatePercent: options.errorRatePercent ?? 1,
    driftWarningPsi: options.driftWarningPsi ?? 0.1,
    driftCriticalPsi: options.driftCriticalPsi ?? 0.25,
  }, 'monitoring()');
}
