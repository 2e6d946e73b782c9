/**
 * Where managed artifacts live in a project. Synthesizers that refer to each other's files use these
 * names, so a move happens in one place; the workload specs' paths are their cloud's
 * (clouds/<cloud>/workloads, by cloud in clouds/by-cloud.ts).
 */

/** Terraform root module (template-owned .tf files) and its managed per-environment values. */
export const TERRAFORM_DIR = 'infra';
export const tfvarsPath = (environment: string) => `${TERRAFORM_DIR}/environments/${environment}.tfvars`;

export const DASHBOARDS_DIR = 'monitoring/dashboards';
export const ALERT_RULES_DIR = 'monitoring/alerts';
export const RBAC_DIR = 'rbac';
