/** Vertex AI workload specs (YAML; the pipeline passes them to gcloud or converts them to the REST JSON). */
import type { WorkloadSpecs } from '../../../workloads/specs.js';
import { yamlDocument } from '../../../workloads/yaml.js';
import { vertexBatchPrediction } from './batch.js';
import { vertexDeployModel } from './endpoint.js';
import { vertexCustomJob } from './training.js';

export const gcpSpecs: WorkloadSpecs = {
  training: (project) => yamlDocument(vertexCustomJob(project)),
  online: (project) => yamlDocument(vertexDeployModel(project)),
  batch: (project) => yamlDocument(vertexBatchPrediction(project)),
};
