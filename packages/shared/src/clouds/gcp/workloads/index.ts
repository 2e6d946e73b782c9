/** Vertex AI workload specs (YAML; the pipeline passes them to gcloud or converts them to the REST JSON), under `deploy/vertex/`. */
import type { CloudWorkloads } from '../../adapter.js';
import { yamlDocument } from '../../../workloads/yaml.js';
import { vertexBatchJob } from './batch.js';
import { GCP_WORKLOAD_VARIABLES } from './common.js';
import { vertexDeployModel } from './endpoint.js';
import { vertexCustomJob } from './training.js';

export const gcpWorkloads: CloudWorkloads = {
  variables: GCP_WORKLOAD_VARIABLES,
  training: { path: 'deploy/vertex/training-job.yaml', render: (project) => yamlDocument(vertexCustomJob(project)) },
  online: { path: 'deploy/vertex/endpoint-deployment.yaml', render: (project) => yamlDocument(vertexDeployModel(project)) },
  batch: { path: 'deploy/vertex/batch-job.yaml', render: (project) => yamlDocument(vertexBatchJob(project)) },
};
