/**
 * Module lists the presets share. Every preset carries the infrastructure of every cloud: each module
 * applies only to its own cloud, so `--cloud` can move any preset to another cloud.
 */
export const PLATFORM_MODULES = [
  'core/project',
  'iac/terraform-common',
  'iac/azure-terraform',
  'iac/aws-terraform',
  'iac/gcp-terraform',
  'iac/kubernetes-terraform',
  'platform/shared',
];

export const SERVING_MODULES = ['serving/online-fastapi', 'serving/batch'];

export const TABULAR_SKLEARN = ['ml/tabular-core', 'ml/tabular-sklearn'];
export const TABULAR_PYTORCH = ['ml/tabular-core', 'ml/tabular-pytorch'];

/**
 * The personas a preset grants roles to: the people who build and release the model. Domain experts and
 * AI engineers get roles where a project asks for them (`--personas`, or its `access` block).
 */
export const PRESET_PERSONAS = ['data-scientist', 'data-engineer', 'ml-engineer', 'model-validator'] as const;
export const THREE_ENVIRONMENTS = ['dev', 'staging', 'prod'];
