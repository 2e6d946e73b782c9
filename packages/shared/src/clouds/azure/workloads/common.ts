/** Shared parts of the Azure ML job and deployment YAML (CLI v2: `az ml job create`, `az ml online-deployment`). */
import type { ComputeProfile } from '../../../declaration/compute.js';
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { machineFor, type Machine } from '../../../workloads/machines.js';
import { COMMON_WORKLOAD_VARIABLES, placeholders, type WorkloadVariable } from '../../../workloads/placeholders.js';
import { servesBatch } from '../../../workloads/runtime.js';
import { AZURE_MACHINES } from '../machines.js';

/** Every placeholder the Azure ML specs may contain. */
export const AZURE_WORKLOAD_VARIABLES: readonly WorkloadVariable[] = [
  ...COMMON_WORKLOAD_VARIABLES,
  { name: 'AZUREML_ENDPOINT_NAME', description: 'Managed online endpoint the deployment belongs to.', example: 'churn-model-dev' },
  { name: 'AZUREML_DEPLOYMENT_NAME', description: 'Name of this deployment under the endpoint (blue/green).', example: 'blue' },
];

export const placeholder = placeholders('azure', AZURE_WORKLOAD_VARIABLES);

/** The VM size of a compute profile. */
export const azureMachine = (profile: ComputeProfile): Machine => machineFor('azure', AZURE_MACHINES.cpuSizes, profile);

/** Azure ML CLI v2 JSON Schemas the YAML declares in `$schema`. */
export const AZUREML_SCHEMAS = {
  commandJob: 'https://azuremlschemas.azureedge.net/latest/commandJob.schema.json',
  managedOnlineDeployment: 'https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json',
} as const;

/** The workspace's default blob datastore, present in every workspace. */
export const DEFAULT_DATASTORE = 'workspaceblobstore';

/** Compute cluster names (2-16 characters), one per purpose so each gets its own VM size. */
export const AZUREML_CLUSTERS = { training: 'train-cluster', batch: 'batch-cluster' } as const;

/** An Azure ML compute cluster the workload specs run on; the infrastructure creates these. */
export interface AzuremlCluster {
  name: string;
  vmSize: string;
  maxInstances: number;
}

const cluster = (name: string, profile: ComputeProfile, maxInstances: number): AzuremlCluster => ({ name, vmSize: azureMachine(profile).type, maxInstances });

/** The clusters a project's specs refer to, with the VM size each needs. */
export function azuremlClusters(project: ProjectDeclaration): AzuremlCluster[] {
  const training = cluster(AZUREML_CLUSTERS.training, project.training, project.training.kind === 'gpu' ? project.training.nodes : 1);
  return servesBatch(project) ? [training, cluster(AZUREML_CLUSTERS.batch, project.serving.compute, 1)] : [training];
}

/** `azureml:<cluster>` reference of a job's compute. */
export const computeRef = (name: string): string => `azureml:${name}`;

/** Tags of every job and deployment. */
export function azureTags(project: ProjectDeclaration, component: string): Record<string, string> {
  return { project: project.name, team: project.team, component, 'managed-by': 'ai-factory' };
}
