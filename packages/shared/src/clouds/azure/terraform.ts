/** Azure's part of an environment's tfvars: its resource group, the training cluster and the online endpoint switch. */
import type { CloudTerraform } from '../adapter.js';
import type { ProjectDeclaration } from '../../declaration/project.js';
import { resolveGpu } from '../../gpu/catalog.js';
import { smallestMachine } from '../../iac/machine-types.js';
import { servesOnline } from '../../workloads/runtime.js';
import { AZURE_MACHINES } from './machines.js';

/** Azure ML training cluster: VM size and the node count it autoscales up to (from zero). */
function trainingCluster(project: ProjectDeclaration): { vmSize: string; maxNodes: number } {
  const training = project.training;
  if (training.kind === 'cpu') return { vmSize: smallestMachine('azure', AZURE_MACHINES.terraformCpuSizes, training.vcpus, training.memoryGi), maxNodes: 1 };
  return { vmSize: resolveGpu(training.sku, training.count, 'azure').machineType!, maxNodes: training.nodes };
}

export const azureTerraform: CloudTerraform = {
  values: (project, environment) => {
    const cluster = trainingCluster(project);
    return {
      resource_group_name: `rg-${project.name}-${environment.name}`,
      training_vm_size: cluster.vmSize,
      training_max_nodes: cluster.maxNodes,
      online_endpoint_enabled: servesOnline(project),
    };
  },
  // Azure takes any characters in tag values, up to 256.
  tagValue: (value) => value.slice(0, 256),
  billed: true,
};
