/** Shared parts of the Azure ML job and deployment YAML (CLI v2: `az ml job create`, `az ml online-deployment`). */
import type { ComputeProfile } from '../../../declaration/compute.js';
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { machineFor, type Machine } from '../../../workloads/machines.js';
import { COMMON_WORKLOAD_VARIABLES, placeholders, type WorkloadVariable } from '../../../workloads/placeholders.js';
import { AZURE_MACHINES } from '../machines.js';

/** Every placeholder the Azure ML specs may contain. */
export const AZURE_WORKLOAD_VARIABLES: readonly WorkloadVariable[] = [
  ...COMMON_WORKLOAD_VARIABLES,
  {
    name: 'AZUREML_ENDPOINT_NAME',
    description: 'Managed online endpoint the deployment belongs to; the Terraform output online_endpoint_name.',
    example: 'churn-model-dev',
    setBy: 'ci-variable',
  },
  {
    name: 'AZUREML_DEPLOYMENT_NAME',
    description: 'Name of this deployment under the endpoint: blue or green, whichever does not serve the traffic now.',
    example: 'blue',
    setBy: 'pipeline',
  },
  {
    name: 'AZUREML_MODEL',
    description: 'The model version the pipeline registered in the workspace for this run, as azureml:<name>:<version>.',
    example: 'azureml:churn_model:3',
    setBy: 'pipeline',
  },
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

/** Compute cluster names (2-16 characters): training runs on the cluster the infrastructure creates; batch scoring on serverless compute. */
export const AZUREML_CLUSTERS = { training: 'train-cluster' } as const;

/** An Azure ML compute cluster the workload specs run on; the infrastructure creates these. */
export interface AzuremlCluster {
  name: string;
  vmSize: string;
  maxInstances: number;
}

/** The clusters a project's specs refer to, with the VM size each needs. */
export function azuremlClusters(project: ProjectDeclaration): AzuremlCluster[] {
  const { training } = project;
  return [{ name: AZUREML_CLUSTERS.training, vmSize: azureMachine(training).type, maxInstances: training.kind === 'gpu' ? training.nodes : 1 }];
}

/** `azureml:<cluster>` reference of a job's compute. */
export const computeRef = (name: string): string => `azureml:${name}`;

/** Tags of every job and deployment. */
export function azureTags(project: ProjectDeclaration, component: string): Record<string, string> {
  return { project: project.name, team: project.team, component, 'managed-by': 'ai-factory' };
}
