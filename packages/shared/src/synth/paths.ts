/**
 * Where managed artifacts live in a project. Synthesizers that refer to each other's files use these
 * names, so a move happens in one place; the workload specs' paths are their cloud's
 * (clouds/<cloud>/workloads, by cloud in clouds/by-cloud.ts).
 */

/** Terraform root module (template-owned .tf files) and its managed per-environment values. */
export const TERRAFORM_DIR = 'infra';
export const tfvarsPath = (environment: string) => `${TERRAFORM_DIR}/environments/${environment}.tfvars`;
/** Root module applied once per environment by an administrator: state storage and CI identities. */
export const BOOTSTRAP_DIR = `${TERRAFORM_DIR}/bootstrap`;
export const bootstrapTfvarsPath = (environment: string) => `${BOOTSTRAP_DIR}/environments/${environment}.tfvars`;

export const DASHBOARDS_DIR = 'monitoring/dashboards';
export const ALERT_RULES_DIR = 'monitoring/alerts';
export const RBAC_DIR = 'rbac';

/**
 * The model policy the generated Python reads (gate thresholds, drift tests, model card text): inside the
 * package, so it travels with the code into every image and platform job that installs it.
 */
export const modelPolicyPath = (packageName: string) => `src/${packageName}/model_policy.json`;
