/** Azure's part of an environment's tfvars: its resource group, the training cluster and the online endpoint switch. */
import type { CloudTerraform } from '../adapter.js';
import type { Environment } from '../../declaration/environment.js';
import type { ProjectDeclaration } from '../../declaration/project.js';
import { resolveGpu } from '../../gpu/catalog.js';
import { ciIdentityNames } from '../../iac/ci-identities.js';
import { smallestMachine } from '../../iac/machine-types.js';
import { servesOnline } from '../../workloads/runtime.js';
import { AZURE_MACHINES } from './machines.js';

/** Azure ML training cluster: VM size and the node count it autoscales up to (from zero). */
function trainingCluster(project: ProjectDeclaration): { vmSize: string; maxNodes: number } {
  const training = project.training;
  if (training.kind === 'cpu') return { vmSize: smallestMachine('azure', AZURE_MACHINES.terraformCpuSizes, training.vcpus, training.memoryGi), maxNodes: 1 };
  return { vmSize: resolveGpu(training.sku, training.count, 'azure').machineType!, maxNodes: training.nodes };
}

/** The environment's resource group, and bootstrap/'s beside it (state and CI identities). */
const resourceGroups = (project: ProjectDeclaration, environment: Environment) => ({
  resource_group_name: `rg-${project.name}-${environment.name}`,
  ci_resource_group_name: `rg-${project.name}-${environment.name}-ci`,
});

/** User-assigned identity names: at most 128 characters. */
const identities = (project: ProjectDeclaration, environment: Environment) => ciIdentityNames(project, environment, { before: 'id-', after: '-ci', maxLength: 128 });

export const azureTerraform: CloudTerraform = {
  backend: {
    type: 'azurerm',
    variables: ['TF_STATE_RESOURCE_GROUP', 'TF_STATE_STORAGE_ACCOUNT'],
    config: (project, environment) => ({
      resource_group_name: '$TF_STATE_RESOURCE_GROUP',
      storage_account_name: '$TF_STATE_STORAGE_ACCOUNT',
      container_name: 'tfstate',
      key: `${project.name}/${environment.name}.tfstate`,
      // Entra ID for the blobs too: the state account takes no shared keys.
      use_oidc: 'true',
      use_azuread_auth: 'true',
    }),
  },
  ciVariables: {},
  bootstrapValues: (project, environment) => {
    const names = identities(project, environment);
    return { ...resourceGroups(project, environment), pipeline_identity_name: names.pipeline, deployer_identity_name: names.deployer };
  },
  values: (project, environment) => {
    const cluster = trainingCluster(project);
    return {
      ...resourceGroups(project, environment),
      ci_pipeline_identity: identities(project, environment).pipeline,
      training_vm_size: cluster.vmSize,
      training_max_nodes: cluster.maxNodes,
      online_endpoint_enabled: servesOnline(project),
    };
  },
  // Azure takes any characters in tag values, up to 256.
  tagValue: (value) => value.slice(0, 256),
  billed: true,
};
