import { tabularPreset } from './_tabular.js';

export default tabularPreset({
  id: 'aws-tabular',
  summary: 'Tabular model on AWS: scikit-learn trained on SageMaker, GitHub Actions, online serving on a SageMaker endpoint.',
  description:
    'The tabular reference architecture on AWS: training jobs and an autoscaled real-time endpoint on SageMaker, artifacts in S3 and ECR, IAM policies per persona, deployed by GitHub Actions through OIDC.',
  cloud: 'aws',
  cicd: 'github-actions',
  serving: 'online',
});
