/**
 * Kubernetes' part of an environment's tfvars: the namespace and its resource quota. A plain cluster
 * bills nobody, so the quota is the environment's budget.
 */
import type { CloudTerraform } from '../adapter.js';
import { cpu, type ComputeProfile } from '../../declaration/compute.js';
import type { ProjectDeclaration } from '../../declaration/project.js';
import { gcpLabel } from '../gcp/terraform.js';
import { kubernetesNamespace, kubernetesState } from './terraform-state.js';

/** Requests of a workload: CPU cores, memory in GiB and GPUs. */
interface Footprint {
  cpu: number;
  memoryGi: number;
  gpus: number;
}

/** CPU and memory each GPU node or replica is given beside its GPUs: the declaration's cpu() default. */
const GPU_HOST = cpu();

function footprint(profile: ComputeProfile, copies: number): Footprint {
  if (profile.kind === 'cpu') return { cpu: profile.vcpus * copies, memoryGi: profile.memoryGi * copies, gpus: 0 };
  if (GPU_HOST.kind !== 'cpu') throw new Error('cpu() must return a CPU profile');
  return { cpu: GPU_HOST.vcpus * copies, memoryGi: GPU_HOST.memoryGi * copies, gpus: profile.count * copies };
}

/**
 * What a namespace must hold at its busiest: a training run on all its nodes, the online service at max
 * replicas plus one surge replica of a rolling update, and a batch scoring job, all at once.
 */
function kubernetesQuota(project: ProjectDeclaration): Footprint {
  const { serving, training } = project;
  const parts: Footprint[] = [footprint(training, training.kind === 'gpu' ? training.nodes : 1)];
  if (serving.mode !== 'batch') parts.push(footprint(serving.compute, serving.replicas.max + 1));
  if (serving.mode !== 'online') parts.push(footprint(serving.compute, 1));
  return parts.reduce((sum, part) => ({ cpu: sum.cpu + part.cpu, memoryGi: sum.memoryGi + part.memoryGi, gpus: sum.gpus + part.gpus }));
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
