import { describe, expect, it } from 'vitest';
import { environment } from '../declaration/environment.js';
import { drift } from '../declaration/monitoring.js';
import { defineMlProject } from '../declaration/project.js';
import { serving } from '../declaration/serving.js';
import { gate, modelCard } from '../declaration/validation.js';
import { GENERATED_NOTICE } from '../synth/artifact.js';
import { synthesize } from '../synth/synthesize.js';
import { modelPolicy } from './index.js';

const project = (extra: object = {}) =>
  defineMlProject({
    name: 'churn-model', description: 'Predicts churn', team: 'growth', cloud: 'aws', cicd: 'gitlab-ci', framework: 'sklearn',
    environments: [environment('dev'), environment('prod')], serving: serving({ mode: 'batch' }), ...extra,
  });

describe('the model policy', () => {
  it('is a managed JSON file inside the Python package, carrying the generated-file notice', () => {
    const artifact = synthesize(project()).find((candidate) => candidate.path.endsWith('model_policy.json'))!;
    expect(artifact.path).toBe('src/churn_model/model_policy.json');
    expect(JSON.parse(artifact.content).notice).toBe(GENERATED_NOTICE);
  });

  it('carries the declared gate, drift and model card settings under the Python names', () => {
    const policy = modelPolicy(project({
      gate: gate({ metric: 'brier', minImprovement: 0.002, maxSegmentGap: 0.04, minSegmentRows: 80 }),
      drift: drift({ warning: 0.15, critical: 0.3, pValue: 0.001, minRows: 500 }),
      modelCard: modelCard({ intendedUse: 'Retention calls', limitations: ['Not for pricing'] }),
    }));
    expect(policy).toEqual({
      notice: GENERATED_NOTICE,
      gate: {
        metric: 'brier', min_improvement: 0.002, confidence: 0.95, resamples: 1000, baseline_score: 'log_loss',
        min_held_out_rows: 200, max_segment_gap: 0.04, min_segment_rows: 80,
      },
      drift: { psi_warning: 0.15, psi_critical: 0.3, p_value: 0.001, min_rows: 500 },
      model_card: { intended_use: 'Retention calls', limitations: ['Not for pricing'] },
    });
  });
});
