/** SageMaker workload specs: request bodies for `aws sagemaker <operation> --cli-input-json file://...`, under `deploy/sagemaker/`. */
import type { CloudWorkloads } from '../../adapter.js';
import { AWS_WORKLOAD_VARIABLES, toJson } from './common.js';
import { createEndpointConfig } from './endpoint.js';
import { createProcessingJob } from './processing.js';
import { createTrainingJob } from './training.js';

export { SAGEMAKER_LAUNCHER } from './training.js';

export const awsWorkloads: CloudWorkloads = {
  variables: AWS_WORKLOAD_VARIABLES,
  training: { path: 'deploy/sagemaker/training-job.json', render: (project) => toJson(createTrainingJob(project)) },
  online: { path: 'deploy/sagemaker/endpoint-config.json', render: (project) => toJson(createEndpointConfig(project)) },
  batch: { path: 'deploy/sagemaker/batch-processing.json', render: (project) => toJson(createProcessingJob(project)) },
};
