import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'ml/tabular-sklearn',
  version: '1.0.0',
  summary: 'Tabular ML with scikit-learn: data validation, training, tracking, champion/challenger gate, registry, drift.',
  description:
    'A Python package in src layout with deterministic sample data. Training logs to MLflow when it is installed ' +
    'and to plain files otherwise; evaluation compares a challenger with a trivial baseline and the current ' +
    'champion before it is registered; drift is measured per feature with the population stability index.',
  provides: ['framework:sklearn', 'compute:cpu'],
  when: { framework: ['sklearn'] },
  files: [{ include: '**', owner: 'template' }],
});
