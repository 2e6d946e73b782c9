import { tabularPreset } from './_tabular.js';

export default tabularPreset({
  id: 'azure-tabular',
  summary: 'Tabular model on Azure: scikit-learn, GitHub Actions, online serving, CPU only.',
  description:
    'The reference architecture for a classification or regression model on tabular data, trained on CPU and ' +
    'served online behind an HTTP endpoint, on Azure with GitHub Actions.',
  cloud: 'azure',
  cicd: 'github-actions',
  serving: 'online',
});
