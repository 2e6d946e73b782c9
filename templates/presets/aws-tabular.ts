import { definePreset } from '@ai-factory/engine';
import { PRESET_PERSONAS, PLATFORM_MODULES, SERVING_MODULES, TABULAR_SKLEARN, THREE_ENVIRONMENTS } from './_modules.js';

export default definePreset({
  id: 'aws-tabular',
  summary: 'Tabular model on AWS: scikit-learn trained on SageMaker, GitHub Actions, online serving on a SageMaker endpoint.',
  description:
    'The tabular reference architecture on AWS: training jobs and an autoscaled real-time endpoint on SageMaker, artifacts in S3 and ECR, IAM policies per persona, deployed by GitHub Actions through OIDC.',
  modules: [...PLATFORM_MODULES, ...TABULAR_SKLEARN, ...SERVING_MODULES],
  answers: {
    cloud: 'aws',
    cicd: 'github-actions',
    framework: 'sklearn',
    serving: 'online',
    gpu: null,
    environments: THREE_ENVIRONMENTS,
    monitoring: true,
    personas: [...PRESET_PERSONAS],
  },
});
