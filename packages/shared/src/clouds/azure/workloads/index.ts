/** Azure ML workload specs (YAML for the `az ml` CLI v2). */
import type { WorkloadSpecs } from '../../../workloads/specs.js';
import { yamlDocument } from '../../../workloads/yaml.js';
import { azuremlBatchJob } from './batch.js';
import { azuremlOnlineDeployment } from './online.js';
import { azuremlTrainingJob } from './training.js';

export { AZUREML_CLUSTERS, azuremlClusters, type AzuremlCluster } from './common.js';

export const azureSpecs: WorkloadSpecs = {
  training: (project) => yamlDocument(azuremlTrainingJob(project)),
  online: (project) => yamlDocument(azuremlOnlineDeployment(project)),
  batch: (project) => yamlDocument(azuremlBatchJob(project)),
};
