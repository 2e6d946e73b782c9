import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'ml/tabular-core',
  version: '1.0.0',
  summary: 'Framework-agnostic tabular ML: schema, validation, encoding, training, tracking, gate, registry, drift.',
  description:
    'A Python package in src layout with deterministic sample data. Training logs to MLflow when it is installed ' +
    'and to plain files otherwise; evaluation compares a challenger with a trivial baseline and the current ' +
    'champion before it is registered; drift is measured per feature with the population stability index. ' +
    'The model itself comes from a framework module (ml/tabular-sklearn, ml/tabular-pytorch) as src/<package>/model.py.',
  provides: [],
  files: [{ include: '**', owner: 'template' }],
});
