import * as z from 'zod/mini';
import { parseWith } from './errors.js';

/** Metrics the gate can compare challenger and champion on. */
export const GATE_METRICS = ['roc_auc', 'log_loss', 'brier'] as const;
export type GateMetric = (typeof GATE_METRICS)[number];

/** Proper scores the challenger must beat the class prior on. */
export const BASELINE_SCORES = ['log_loss', 'brier'] as const;
export type BaselineScore = (typeof BASELINE_SCORES)[number];

/** Options of {@link gate}: what a challenger must show to replace the champion, which the model validator owns. */
export interface GateOptions {
  /**
   * The metric challenger and champion are compared on, on the same held-out rows.
   * @default 'roc_auc'
   */
  metric?: GateMetric;
  /**
   * The lower bound of the paired bootstrap interval of the challenger's improvement over the champion
   * must be above this. 0 means better beyond noise; a tie never promotes.
   * @default 0
   */
  minImprovement?: number;
  /**
   * Confidence level of every bootstrap interval.
   * @default 0.95
   */
  confidence?: number;
  /**
   * Bootstrap resamples per interval.
   * @default 1000
   */
  resamples?: number;
  /**
   * The proper score on which the challenger must beat the class prior (lower bound of the improvement above 0).
   * @default 'log_loss'
   */
  baselineScore?: BaselineScore;
  /**
   * Fewest held-out rows (seen by neither model) the gate decides on; with fewer it refuses.
   * @default 200
   */
  minHeldOutRows?: number;
  /**
   * Largest allowed gap in `metric` between two segments of a segment column; a larger one blocks promotion.
   * @default 0.1
   */
  maxSegmentGap?: number;
  /**
   * Segments with fewer held-out rows are reported but left out of the gap.
   * @default 50
   */
  minSegmentRows?: number;
}

/** Options of {@link modelCard}: what every registered model's card says it is for, and is not. */
export interface ModelCardOptions {
  /**
   * Who uses the predictions, for which decisions.
   * @default '' (the card says it was not declared)
   */
  intendedUse?: string;
  /**
   * Known limits: populations, uses or conditions the model was not validated for.
   * @default []
   */
  limitations?: string[];
}

export type Gate = Required<GateOptions>;
export type ModelCard = Required<ModelCardOptions>;

export const GateSchema = z.strictObject({
  metric: z.enum(GATE_METRICS),
  minImprovement: z.number().check(z.minimum(0), z.maximum(1)),
  confidence: z.number().check(z.minimum(0.5), z.maximum(0.999)),
  resamples: z.int().check(z.minimum(100), z.maximum(100_000)),
  baselineScore: z.enum(BASELINE_SCORES),
  minHeldOutRows: z.int().check(z.minimum(30)),
  maxSegmentGap: z.number().check(z.minimum(0), z.maximum(1)),
  minSegmentRows: z.int().check(z.minimum(10)),
});

export const ModelCardSchema = z.strictObject({
  intendedUse: z.string().check(z.maxLength(2000)),
  limitations: z.array(z.string().check(z.minLength(1), z.maxLength(500))).check(z.maxLength(50)),
});

/**
 * The promotion gate's thresholds, written into the model policy the generated Python enforces.
 * @example gate({ minImprovement: 0.005, maxSegmentGap: 0.05 })
 */
export function gate(options: GateOptions = {}): Gate {
  return parseWith(
    GateSchema,
    {
      metric: options.metric ?? 'roc_auc',
      minImprovement: options.minImprovement ?? 0,
      confidence: options.confidence ?? 0.95,
      resamples: options.resamples ?? 1000,
      baselineScore: options.baselineScore ?? 'log_loss',
      minHeldOutRows: options.minHeldOutRows ?? 200,
      maxSegmentGap: options.maxSegmentGap ?? 0.1,
      minSegmentRows: options.minSegmentRows ?? 50,
    },
    'gate()',
  );
}

/**
 * The intended use and limitations every model card states.
 * @example modelCard({ intendedUse: 'Ranks customers for retention calls', limitations: ['Not for pricing'] })
 */
export function modelCard(options: ModelCardOptions = {}): ModelCard {
  return parseWith(ModelCardSchema, { intendedUse: options.intendedUse ?? '', limitations: options.limitations ?? [] }, 'modelCard()');
}
