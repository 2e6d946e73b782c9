import * as z from 'zod/mini';
import { parseWith } from './errors.js';

/** Options of {@link slo}: the service objectives, which the ML engineer owns. */
export interface SloOptions {
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
}

/** Options of {@link drift}: when the data has moved, which the model validator owns. */
export interface DriftOptions {
  /**
   * Population stability index above which a feature has drifted (warning).
   * @default 0.1
   */
  warning?: number;
  /**
   * Population stability index above which drift is critical (and retraining triggers).
   * @default 0.25
   */
  critical?: number;
  /**
   * Significance level of the drift tests (Kolmogorov-Smirnov for numbers, chi-square for categories and
   * labels): a drift report flags a feature only when its test is significant and its PSI is over a threshold.
   * @default 0.01
   */
  pValue?: number;
  /**
   * Fewest rows a drift report judges; with fewer it says there is too little data.
   * @default 100
   */
  minRows?: number;
}

export type Slo = Required<SloOptions>;
export type Drift = Required<DriftOptions>;

/** What synthesizers read: the objectives, the drift thresholds and whether to ship dashboards at all. */
export interface Monitoring {
  enabled: boolean;
  latencyP95Ms: number;
  errorRatePercent: number;
  driftWarningPsi: number;
  driftCriticalPsi: number;
  driftPValue: number;
  driftMinRows: number;
}

export const SloSchema = z.strictObject({
  latencyP95Ms: z.number().check(z.positive(), z.maximum(60_000)),
  errorRatePercent: z.number().check(z.positive(), z.maximum(100)),
});

export const DriftSchema = z
  .strictObject({
    warning: z.number().check(z.positive(), z.maximum(10)),
    critical: z.number().check(z.positive(), z.maximum(10)),
    pValue: z.number().check(z.positive(), z.maximum(0.5)),
    minRows: z.int().check(z.minimum(10)),
  })
  .check(z.refine((d) => d.warning < d.critical, { message: 'must be above warning', path: ['critical'] }));

/**
 * Service objectives, turned into dashboard thresholds and alert rules.
 * @example slo({ latencyP95Ms: 200, errorRatePercent: 0.5 })
 */
export function slo(options: SloOptions = {}): Slo {
  return parseWith(SloSchema, { latencyP95Ms: options.latencyP95Ms ?? 300, errorRatePercent: options.errorRatePercent ?? 1 }, 'slo()');
}

/**
 * Drift thresholds on the population stability index of each feature, and the test and window the drift
 * reports judge with.
 * @example drift({ warning: 0.15, critical: 0.3 })
 */
export function drift(options: DriftOptions = {}): Drift {
  return parseWith(
    DriftSchema,
    { warning: options.warning ?? 0.1, critical: options.critical ?? 0.25, pValue: options.pValue ?? 0.01, minRows: options.minRows ?? 100 },
    'drift()',
  );
}

/** Combines the project's objectives and thresholds into what synthesizers read. */
export function monitoringOf(objectives: Slo, thresholds: Drift, enabled: boolean): Monitoring {
  return {
    enabled,
    ...objectives,
    driftWarningPsi: thresholds.warning,
    driftCriticalPsi: thresholds.critical,
    driftPValue: thresholds.pValue,
    driftMinRows: thresholds.minRows,
  };
}
