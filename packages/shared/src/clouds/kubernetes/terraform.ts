/**
 * Kubernetes' part of an environment's tfvars: the namespace and its resource quota. A plain cluster
 * bills nobody, so the quota is the environment's budget.
 */
import type { CloudTerraform } from '../adapter.js';
import type { ComputeProfile } from '../../declaration/compute.js';
import type { ProjectDeclaration } from '../../declaration/project.js';
import { gcpLabel } from '../gcp/terraform.js';
import { resources } from './workloads/pod.js';
import { cpuCores, memoryGi } from './workloads/quantities.js';
import { VOLUME_POD_RESOURCES } from './workloads/volume-pod.js';
import { kubernetesNamespace, kubernetesState } from './terraform-state.js';

/** Limits of a set of pods: CPU cores, memory in GiB and GPUs. */
interface Footprint {
  cpu: number;
  memoryGi: number;
  gpus: number;
}

const GPU = 'nvidia.com/gpu';

/** What `copies` pods of a profile are limited to, from the very quantities their manifests carry. */
function footprint(limits: Record<string, string>, copies: number): Footprint {
  return { cpu: cpuCores(limits.cpu!) * copies, memoryGi: memoryGi(limits.memory!) * copies, gpus: Number(limits[GPU] ?? 0) * copies };
}

const profileFootprint = (profile: ComputeProfile, copies: number): Footprint => footprint(resources(profile).limits, copies);

/**
 * What a namespace must hold at its busiest: a training run on all its nodes, the online service at max
 * replicas plus one surge replica of a rolling update, a batch scoring job, and the pipeline's volume pod,
 * all at once. (The gate pod copies the training pod and runs after it has finished.)
 */
export function kubernetesQuota(project: ProjectDeclaration): Footprint {
  const { serving, training } = project;
  const parts: Footprint[] = [profileFootprint(training, training.kind === 'gpu' ? training.nodes : 1), footprint(VOLUME_POD_RESOURCES, 1)];
  if (serving.mode !== 'batch') parts.push(profileFootprint(serving.compute, serving.replicas.max + 1));
  if (serving.mode !== 'online') parts.push(profileFootprint(serving.compute, 1));
  const sum = parts.reduce((total, part) => ({ cpu: total.cpu + part.cpu, memoryGi: total.memoryGi + part.memoryGi, gpus: total.gpus + part.gpus }));
  // Whole cores and GiB: the volume pod's fraction rounds up.
  return { cpu: Math.ceil(sum.cpu), memoryGi: Math.ceil(sum.memoryGi), gpus: sum.gpus };
}

/** Kubernetes label values: as GCP's (plus `.`), and starting and ending alphanumerically. */
function kubernetesLabel(value: string): string {
  return gcpLabel(value).replace(/^[^a-z0-9]+/, '').replace(/[^a-z0-9]+$/, '');
}

export const kubernetesTerraform: CloudTerraform = {
  ...kubernetesState,
  values: (project, environment) => {
    const quota = kubernetesQuota(project);
    return {
      namespace: kubernetesNamespace(project, environment),
      quota_cpu: quota.cpu,
      quota_memory_gi: quota.memoryGi,
      quota_gpus: quota.gpus,
    };
  },
  tagValue: kubernetesLabel,
  billed: false,
};
