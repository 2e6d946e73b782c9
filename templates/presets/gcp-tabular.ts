import { tabularPreset } from './_tabular.js';

export default tabularPreset({
  id: 'gcp-tabular',
  summary: 'Tabular model on GCP: scikit-learn trained on Vertex AI, GitLab CI, online serving on a Vertex endpoint.',
  description:
    'The tabular reference architecture on Google Cloud: Vertex AI custom training jobs and an endpoint, artifacts in Cloud Storage and Artifact Registry, custom roles per persona, deployed by GitLab CI through workload identity federation.',
  cloud: 'gcp',
  cicd: 'gitlab-ci',
  serving: 'online',
});
