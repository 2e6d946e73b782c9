/** Shared parts of the Vertex AI specs (REST field names, camelCase, as gcloud's --config and the API read them). */
import type { ComputeProfile } from '../../../declaration/compute.js';
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { machineFor, vertexAcceleratorType } from '../../../workloads/machines.js';
import { placeholder } from '../../../workloads/placeholders.js';

/** Vertex MachineSpec of a compute profile: machine type, plus accelerator type and count on GPUs. */
export function machineSpec(profile: ComputeProfile): Record<string, unknown> {
  const machine = machineFor('gcp', profile);
  if (!machine.gcpAccelerator) return { machineType: machine.type };
  return { machineType: machine.type, acceleratorType: vertexAcceleratorType(machine.gcpAccelerator), acceleratorCount: machine.gpus };
}

/** `gs://<artifact bucket>/<project>/<path>`. */
export const gcsUri = (project: ProjectDeclaration, path: string): string => `gs://${placeholder('gcp', 'ARTIFACT_BUCKET')}/${project.name}/${path}`;

/** The same object through Cloud Storage FUSE, which Vertex AI training mounts at /gcs. */
export const gcsFusePath = (project: ProjectDeclaration, path: string): string => `/gcs/${placeholder('gcp', 'ARTIFACT_BUCKET')}/${project.name}/${path}`;

/** Vertex labels (lowercase keys and values). */
export function vertexLabels(project: ProjectDeclaration, component: string): Record<string, string> {
  return { project: project.name, component, 'managed-by': 'ai-factory' };
}
