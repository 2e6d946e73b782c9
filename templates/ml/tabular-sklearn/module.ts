import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'ml/tabular-sklearn',
  version: '1.0.0',
  summary: 'The scikit-learn model for ml/tabular-core: a deterministic logistic regression, saved with joblib.',
  description:
    'Adds src/<package>/model.py, the framework interface ml/tabular-core trains, evaluates and serves through: ' +
    'fit, positive_probability, save and load on the encoded features. Its learning curve is the training and ' +
    'validation log loss of fits on growing shares of the training rows.',
  requires: ['ml/tabular-core'],
  provides: ['framework:sklearn', 'compute:cpu'],
  when: { framework: ['sklearn'] },
  files: [{ include: '**', owner: 'template' }],
});
