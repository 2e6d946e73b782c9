/** The Terraform variables of one environment, by cloud: what `infra/environments/<env>.tfvars` sets. */
import type { Environment } from '../declaration/environment.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import { azureTrainingCluster, kubernetesQuota, sagemakerServingInstance } from './compute.js';
import { resourceTags } from './tags.js';

/** Percentages of the monthly budget at which cost alerts fire, as the declaration documents. */
export const BUDGET_ALERT_THRESHOLDS = [50, 80, 100] as const;

function cloudVariables(project: ProjectDeclaration, environment: Environment): Record<string, unknown> {
  const online = project.serving.mode !== 'batch';
  switch (project.cloud) {
    case 'azure': {
      const cluster = azureTrainingCluster(project);
      return {
        resource_group_name: `rg-${project.name}-${environment.name}`,
        training_vm_size: cluster.vmSize,
        training_max_nodes: cluster.maxNodes,
        online_endpoint_enabled: online,
      };
    }
    case 'aws': {
      const instance = sagemakerServingInstance(project);
      return {
        online_endpoint_enabled: online,
        serving_instance_type: instance.instanceType,
        serving_instance_vcpus: instance.vcpus,
        serving_min_replicas: project.serving.replicas.min,
        serving_max_replicas: project.serving.replicas.max,
        serving_target_cpu_utilization: project.serving.targetCpuUtilization,
      };
    }
    case 'gcp':
      // Vertex AI jobs and deployments name their machines in the deploy/vertex specs, not in Terraform.
      return { online_endpoint_enabled: online };
    case 'kubernetes': {
      const quota = kubernetesQuota(project);
      return {
        namespace: `${project.name}-${environment.name}`.slice(0, 63).replace(/-+$/, ''),
        quota_cpu: quota.cpu,
        quota_memory_gi: quota.memoryGi,
        quota_gpus: quota.gpus,
      };
    }
  }
}

/**
 * Every variable the environment's tfvars sets, in file order.
 * @example terraformVariables(project, project.environments[0]).monthly_budget // 200
 */
export function terraformVariables(project: ProjectDeclaration, environment: Environment): Record<string, unknown> {
  return {
    project: project.name,
    environment: environment.name,
    // Kubernetes has no region unless the declaration names one.
    ...(environment.region !== undefined ? { region: environment.region } : {}),
    team: project.team,
    tags: resourceTags(project, environment),
    ...cloudVariables(project, environment),
    // A plain cluster bills nobody: its budget is the resource quota above, not an amount.
    ...(project.cloud !== 'kubernetes'
      ? { monthly_budget: environment.monthlyBudget, budget_alert_thresholds: [...BUDGET_ALERT_THRESHOLDS] }
      : {}),
  };
}
