import { definePreset } from '@ai-factory/engine';

export default definePreset({
  id: 'azure-tabular',
  summary: 'Tabular model on Azure: scikit-learn, GitHub Actions, online serving, CPU only.',
  description:
    'The reference architecture for a classification or regression model on tabular data, trained on CPU and ' +
    'served online behind an HTTP endpoint, on Azure with GitHub Actions.',
  modules: ['core/project', 'ml/tabular-sklearn', 'serving/online-fastapi', 'serving/batch'],
  answers: {
    cloud: 'azure',
    cicd: 'github-actions',
    framework: 'sklearn',
    serving: 'online',
    gpu: null,
    environments: ['dev', 'staging', 'prod'],
    monitoring: true,
    personas: ['data-scientist', 'data-engineer', 'ml-engineer', 'model-validator'],
  },
});
