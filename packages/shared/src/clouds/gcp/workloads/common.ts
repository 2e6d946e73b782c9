/** Shared parts of the Vertex AI specs (REST field names, camelCase, as gcloud's --config and the API read them). */
import type { ComputeProfile } from '../../../declaration/compute.js';
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { machineFor } from '../../../workloads/machines.js';
import { ARTIFACT_BUCKET, COMMON_WORKLOAD_VARIABLES, placeholders, type WorkloadVariable } from '../../../workloads/placeholders.js';
import { GCP_MACHINES } from '../machines.js';

/** Every placeholder the Vertex AI specs may contain. */
export const GCP_WORKLOAD_VARIABLES: readonly WorkloadVariable[] = [
  ...COMMON_WORKLOAD_VARIABLES,
  ARTIFACT_BUCKET,
  {
    name: 'VERTEX_MODEL',
    description: 'The model version the pipeline uploaded to the Vertex AI Model Registry for this run, as its resource name with the run as version alias.',
    example: 'projects/my-project/locations/europe-west4/models/churn-model@churn-model-7',
    setBy: 'pipeline',
  },
];

export const placeholder = placeholders('gcp', GCP_WORKLOAD_VARIABLES);

/** Vertex AI's AcceleratorType enum value for a gcloud accelerator name: nvidia-tesla-t4 → NVIDIA_TESLA_T4. */
const vertexAcceleratorType = (gcpAccelerator: string): string => gcpAccelerator.toUpperCase().replace(/-/g, '_');

/** Vertex MachineSpec of a compute profile: machine type, plus accelerator type and count on GPUs. */
export function machineSpec(profile: ComputeProfile): Record<string, unknown> {
  const machine = machineFor('gcp', GCP_MACHINES.cpuSizes, profile);
  if (!machine.gcpAccelerator) return { machineType: machine.type };
  return { machineType: machine.type, acceleratorType: vertexAcceleratorType(machine.gcpAccelerator), acceleratorCount: machine.gpus };
}

/** `gs://<artifact bucket>/<project>/<path>`. */
export const gcsUri = (project: ProjectDeclaration, path: string): string => `gs://${placeholder('ARTIFACT_BUCKET')}/${project.name}/${path}`;

/** The same object through Cloud Storage FUSE, which Vertex AI training mounts at /gcs. */
export const gcsFusePath = (project: ProjectDeclaration, path: string): string => `/gcs/${placeholder('ARTIFACT_BUCKET')}/${project.name}/${path}`;

/** Vertex labels (lowercase keys and values). */
export function vertexLabels(project: ProjectDeclaration, component: string): Record<string, string> {
  return { project: project.name, component, 'managed-by': 'ai-factory' };
}
