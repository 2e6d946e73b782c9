/** Machine sizes and node counts the Terraform of each cloud needs, from the declaration's compute profiles. */
import { cpu, type ComputeProfile } from '../declaration/compute.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import { resolveGpu } from '../gpu/catalog.js';
import { awsVcpus, cpuMachineType } from './machine-types.js';

/** Azure ML training cluster: VM size and the node count it autoscales up to (from zero). */
export function azureTrainingCluster(project: ProjectDeclaration): { vmSize: string; maxNodes: number } {
  const training = project.training;
  if (training.kind === 'cpu') return { vmSize: cpuMachineType('azure', training.vcpus, training.memoryGi), maxNodes: 1 };
  return { vmSize: resolveGpu(training.sku, training.count, 'azure').machineType!, maxNodes: training.nodes };
}

/** SageMaker instance type (`ml.` prefixed) of one serving replica, with its vCPU count. */
export function sagemakerServingInstance(project: ProjectDeclaration): { instanceType: string; vcpus: number } {
  const compute = project.serving.compute;
  const instanceType =
    compute.kind === 'cpu'
      ? cpuMachineType('aws', compute.vcpus, compute.memoryGi)
      : `ml.${resolveGpu(compute.sku, compute.count, 'aws').machineType!}`;
  return { instanceType, vcpus: awsVcpus(instanceType) };
}

/** Requests of a workload: CPU cores, memory in GiB and GPUs. */
export interface Footprint {
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
export function kubernetesQuota(project: ProjectDeclaration): Footprint {
  const { serving, training } = project;
  const parts: Footprint[] = [footprint(training, training.kind === 'gpu' ? training.nodes : 1)];
  if (serving.mode !== 'batch') parts.push(footprint(serving.compute, serving.replicas.max + 1));
  if (serving.mode !== 'online') parts.push(footprint(serving.compute, 1));
  return parts.reduce((sum, part) => ({ cpu: sum.cpu + part.cpu, memoryGi: sum.memoryGi + part.memoryGi, gpus: sum.gpus + part.gpus }));
}
