/**
 * The model policy: the declaration's gate, drift and model card settings, as the JSON the generated
 * Python reads (`<package>/policy.py`). Keys are the Python's snake_case field names, so a key either
 * side does not know is an error there rather than a silently ignored threshold.
 */
import type { ProjectDeclaration } from '../declaration/project.js';
import { GENERATED_NOTICE, type Artifact } from '../synth/artifact.js';
import { modelPolicyPath } from '../synth/paths.js';

export interface ModelPolicy {
  notice: string;
  gate: {
    metric: string;
    min_improvement: number;
    confidence: number;
    resamples: number;
    baseline_score: string;
    min_held_out_rows: number;
    max_segment_gap: number;
    min_segment_rows: number;
  };
  drift: { psi_warning: number; psi_critical: number; p_value: number; min_rows: number };
  model_card: { intended_use: string; limitations: string[] };
}

/** The policy a declaration states. */
export function modelPolicy(project: ProjectDeclaration): ModelPolicy {
  const { gate, monitoring, modelCard } = project;
  return {
    notice: GENERATED_NOTICE,
    gate: {
      metric: gate.metric,
      min_improvement: gate.minImprovement,
      confidence: gate.confidence,
      resamples: gate.resamples,
      baseline_score: gate.baselineScore,
      min_held_out_rows: gate.minHeldOutRows,
      max_segment_gap: gate.maxSegmentGap,
      min_segment_rows: gate.minSegmentRows,
    },
    drift: {
      psi_warning: monitoring.driftWarningPsi,
      psi_critical: monitoring.driftCriticalPsi,
      p_value: monitoring.driftPValue,
      min_rows: monitoring.driftMinRows,
    },
    model_card: { intended_use: modelCard.intendedUse, limitations: [...modelCard.limitations] },
  };
}

/** `src/<package>/model_policy.json`. */
export function synthesizeModelPolicy(project: ProjectDeclaration): Artifact[] {
  return [{ path: modelPolicyPath(project.packageName), content: `${JSON.stringify(modelPolicy(project), null, 2)}\n` }];
}
