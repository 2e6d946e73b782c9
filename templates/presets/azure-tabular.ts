import { definePreset } from '@ai-factory/engine';
import { PRESET_PERSONAS, PLATFORM_MODULES, SERVING_MODULES, TABULAR_SKLEARN, THREE_ENVIRONMENTS } from './_modules.js';

export default definePreset({
  id: 'azure-tabular',
  summary: 'Tabular model on Azure: scikit-learn, GitHub Actions, online serving, CPU only.',
  description:
    'The reference architecture for a classification or regression model on tabular data, trained on CPU and ' +
    'served online behind an HTTP endpoint, on Azure with GitHub Actions.',
  modules: [...PLATFORM_MODULES, ...TABULAR_SKLEARN, ...SERVING_MODULES],
  answers: {
    cloud: 'azure',
    cicd: 'github-actions',
    framework: 'sklearn',
    serving: 'online',
    gpu: null,
    environments: THREE_ENVIRONMENTS,
    monitoring: true,
    personas: [...PRESET_PERSONAS],
  },
});
