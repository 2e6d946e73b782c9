/**
 * Where managed artifacts live in a project. Synthesizers that refer to each other's files (a pipeline
 * that submits a training job spec, say) use these names, so a move happens in one place.
 */
import type { Cloud } from '../declaration/common.js';

/** Managed training job spec submitted by the training pipeline, per cloud (run on the cloud's own engine). */
export const TRAINING_JOB_SPEC: Record<Cloud, string> = {
  azure: 'deploy/azureml/training-job.yml',
  aws: 'deploy/sagemaker/training-job.json',
  gcp: 'deploy/vertex/training-job.yaml',
  kubernetes: 'deploy/kubernetes/training-job.yaml',
};

/** Managed spec of the online deployment rolled out by the deployment pipeline, per cloud. */
export const ONLINE_DEPLOYMENT_SPEC: Record<Cloud, string> = {
  azure: 'deploy/azureml/online-deployment.yml',
  aws: 'deploy/sagemaker/endpoint-config.json',
  gcp: 'deploy/vertex/endpoint-deployment.yaml',
  kubernetes: 'deploy/kubernetes/serving.yaml',
};

/** Managed batch scoring job spec, per cloud. */
export const BATCH_JOB_SPEC: Record<Cloud, string> = {
  azure: 'deploy/azureml/batch-job.yml',
  aws: 'deploy/sagemaker/batch-transform.json',
  gcp: 'deploy/vertex/batch-prediction.yaml',
  kubernetes: 'deploy/kubernetes/batch-cronjob.yaml',
};

/** Terraform root module (template-owned .tf files) and its managed per-environment values. */
export const TERRAFORM_DIR = 'infra';
export const tfvarsPath = (environment: string) => `${TERRAFORM_DIR}/environments/${environment}.tfvars`;

export const DASHBOARDS_DIR = 'monitoring/dashboards';
export const ALERT_RULES_DIR = 'monitoring/alerts';
export const RBAC_DIR = 'rbac';

/**
 * The model policy the generated Python reads (gate thresholds, drift tests, model card text): inside the
 * package, so it travels with the code into every image and platform job that installs it.
 */
export const modelPolicyPath = (packageName: string) => `src/${packageName}/model_policy.json`;
