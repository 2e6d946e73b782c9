/** Kubernetes workload specs: multi-document YAML for `kubectl -n <project>-<env> apply -f`, under `deploy/kubernetes/`. */
import type { CloudWorkloads } from '../../adapter.js';
import { yamlDocuments } from '../../../workloads/yaml.js';
import { batchManifests } from './batch.js';
import { KUBERNETES_WORKLOAD_VARIABLES } from './metadata.js';
import { servingManifests } from './serving.js';
import { trainingManifests } from './training.js';

export const kubernetesWorkloads: CloudWorkloads = {
  variables: KUBERNETES_WORKLOAD_VARIABLES,
  training: { path: 'deploy/kubernetes/training-job.yaml', render: (project) => yamlDocuments(trainingManifests(project)) },
  online: { path: 'deploy/kubernetes/serving.yaml', render: (project) => yamlDocuments(servingManifests(project)) },
  batch: { path: 'deploy/kubernetes/batch-cronjob.yaml', render: (project) => yamlDocuments(batchManifests(project)) },
};
