import { definePreset } from '@ai-factory/engine';
import { PRESET_PERSONAS, PLATFORM_MODULES, SERVING_MODULES, TABULAR_SKLEARN, THREE_ENVIRONMENTS } from './_modules.js';

export default definePreset({
  id: 'batch-scoring',
  summary: 'Batch scoring on Azure: scikit-learn, Azure Pipelines, scheduled scoring jobs, no online endpoint.',
  description:
    'For models whose predictions are consumed in bulk: scheduled training and batch scoring jobs on Azure ML, deployed by Azure Pipelines, with drift checks on the scored data and no always-on endpoint to pay for.',
  modules: [...PLATFORM_MODULES, ...TABULAR_SKLEARN, ...SERVING_MODULES],
  answers: {
    cloud: 'azure',
    cicd: 'azure-pipelines',
    framework: 'sklearn',
    serving: 'batch',
    gpu: null,
    environments: THREE_ENVIRONMENTS,
    monitoring: true,
    personas: [...PRESET_PERSONAS],
  },
});
