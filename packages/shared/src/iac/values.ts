/** The Terraform variables of one environment: what `infra/environments/<env>.tfvars` sets. */
import { cloudAdapter } from '../clouds/index.js';
import type { Environment } from '../declaration/environment.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import { resourceTags } from './tags.js';

/** Percentages of the monthly budget at which cost alerts fire, as the declaration documents. */
export const BUDGET_ALERT_THRESHOLDS = [50, 80, 100] as const;

/**
 * Every variable the environment's tfvars sets, in file order: the shared ones, the cloud's own, then
 * the budget where the cloud bills.
 * @example terraformVariables(project, project.environments[0]).monthly_budget // 200
 */
export function terraformVariables(project: ProjectDeclaration, environment: Environment): Record<string, unknown> {
  const { terraform } = cloudAdapter(project.cloud);
  return {
    project: project.name,
    environment: environment.name,
    // Kubernetes has no region unless the declaration names one.
    ...(environment.region !== undefined ? { region: environment.region } : {}),
    team: project.team,
    tags: resourceTags(project, environment),
    ...terraform.values(project, environment),
    // A plain cluster bills nobody: its budget is the resource quota, not an amount.
    ...(terraform.billed ? { monthly_budget: environment.monthlyBudget, budget_alert_thresholds: [...BUDGET_ALERT_THRESHOLDS] } : {}),
  };
}
