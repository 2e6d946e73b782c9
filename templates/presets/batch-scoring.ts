import { tabularPreset } from './_tabular.js';

export default tabularPreset({
  id: 'batch-scoring',
  summary: 'Batch scoring on Azure: scikit-learn, Azure Pipelines, scheduled scoring jobs, no online endpoint.',
  description:
    'For models whose predictions are consumed in bulk: scheduled training and batch scoring jobs on Azure ML, deployed by Azure Pipelines, with drift checks on the scored data and no always-on endpoint to pay for.',
  cloud: 'azure',
  cicd: 'azure-pipelines',
  serving: 'batch',
});
