/** Kubernetes workload specs: multi-document YAML for `kubectl -n <project>-<env> apply -f`. */
import type { WorkloadSpecs } from '../../../workloads/specs.js';
import { yamlDocuments } from '../../../workloads/yaml.js';
import { batchManifests } from './batch.js';
import { servingManifests } from './serving.js';
import { trainingManifests } from './training.js';

export const kubernetesSpecs: WorkloadSpecs = {
  training: (project) => yamlDocuments(trainingManifests(project)),
  online: (project) => yamlDocuments(servingManifests(project)),
  batch: (project) => yamlDocuments(batchManifests(project)),
};
