import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'ml/tabular-core',
  version: '1.1.0',
  summary: 'Framework-agnostic tabular ML: schema, validation, splits, training, tracking, gate, registry, model cards, drift.',
  description:
    'A Python package in src layout with a generated 6000-row sample (a segment column, one non-linear effect). ' +
    'Training splits the data three ways by customer, records every row by fingerprint, and logs to MLflow when it ' +
    'is installed and to plain files otherwise, with the learning curve and permutation importance. The gate scores ' +
    'challenger, class prior and champion on rows neither model learned from, promotes only when paired bootstrap ' +
    'intervals clear the thresholds declared in ai-factory.config.ts (model_policy.json) and no segment gap is too ' +
    'large, and registers the winner with its plots and a model card. Drift reports pair KS and chi-square tests ' +
    'with PSI for features, predictions and the target. ' +
    'The model itself comes from a framework module (ml/tabular-sklearn, ml/tabular-pytorch) as src/<package>/model.py.',
  provides: [],
  files: [{ include: '**', owner: 'template' }],
});
