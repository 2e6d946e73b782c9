/** Azure ML workload specs (YAML for the `az ml` CLI v2), under `deploy/azureml/`. */
import type { CloudWorkloads } from '../../adapter.js';
import { yamlDocument } from '../../../workloads/yaml.js';
import { azuremlBatchJob } from './batch.js';
import { AZURE_WORKLOAD_VARIABLES } from './common.js';
import { azuremlOnlineDeployment } from './online.js';
import { azuremlTrainingJob } from './training.js';

export { AZUREML_CLUSTERS, azuremlClusters, type AzuremlCluster } from './common.js';

export const azureWorkloads: CloudWorkloads = {
  variables: AZURE_WORKLOAD_VARIABLES,
  training: { path: 'deploy/azureml/training-job.yml', render: (project) => yamlDocument(azuremlTrainingJob(project)) },
  online: { path: 'deploy/azureml/online-deployment.yml', render: (project) => yamlDocument(azuremlOnlineDeployment(project)) },
  batch: { path: 'deploy/azureml/batch-job.yml', render: (project) => yamlDocument(azuremlBatchJob(project)) },
};
