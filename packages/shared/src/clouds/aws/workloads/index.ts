/** SageMaker workload specs: request bodies for `aws sagemaker <operation> --cli-input-json file://...`. */
import type { WorkloadSpecs } from '../../../workloads/specs.js';
import { toJson } from './common.js';
import { createEndpointConfig } from './endpoint.js';
import { createTrainingJob } from './training.js';
import { createTransformJob } from './transform.js';

export { SAGEMAKER_TRAINING_PROGRAM } from './training.js';

export const awsSpecs: WorkloadSpecs = {
  training: (project) => toJson(createTrainingJob(project)),
  online: (project) => toJson(createEndpointConfig(project)),
  batch: (project) => toJson(createTransformJob(project)),
};
