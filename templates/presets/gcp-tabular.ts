import { definePreset } from '@ai-factory/engine';
import { PRESET_PERSONAS, PLATFORM_MODULES, SERVING_MODULES, TABULAR_SKLEARN, THREE_ENVIRONMENTS } from './_modules.js';

export default definePreset({
  id: 'gcp-tabular',
  summary: 'Tabular model on GCP: scikit-learn trained on Vertex AI, GitLab CI, online serving on a Vertex endpoint.',
  description:
    'The tabular reference architecture on Google Cloud: Vertex AI custom training jobs and an endpoint, artifacts in Cloud Storage and Artifact Registry, custom roles per persona, deployed by GitLab CI through workload identity federation.',
  modules: [...PLATFORM_MODULES, ...TABULAR_SKLEARN, ...SERVING_MODULES],
  answers: {
    cloud: 'gcp',
    cicd: 'gitlab-ci',
    framework: 'sklearn',
    serving: 'online',
    gpu: null,
    environments: THREE_ENVIRONMENTS,
    monitoring: true,
    personas: [...PRESET_PERSONAS],
  },
});
