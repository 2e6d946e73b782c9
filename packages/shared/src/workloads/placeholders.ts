/**
 * The values a workload spec cannot know at synth time (image tag, run id, cloud resources created by
 * the infrastructure). Specs carry them as `${NAME}`; the pipeline substitutes them with
 * `envsubst "$(format)"`, passing {@link envsubstFormat} so that nothing else that looks like a shell
 * variable (a torchrun launch line, an Azure ML `${{outputs.x}}` binding) is touched.
 */
import type { Cloud } from '../declaration/common.js';

/** A placeholder the pipeline fills in. */
export interface WorkloadVariable {
  name: string;
  description: string;
  /** A representative value, used in docs and by the validators. */
  example: string;
}

const IMAGE_REGISTRY: WorkloadVariable = {
  name: 'IMAGE_REGISTRY',
  description: 'Registry (and path) the pipeline pushed <project>-train and <project>-serve to.',
  example: 'registry.example.com/ml',
};
const IMAGE_TAG: WorkloadVariable = { name: 'IMAGE_TAG', description: 'Tag of the images built by this pipeline run.', example: '3f2c1ab' };
const RUN_ID: WorkloadVariable = {
  name: 'RUN_ID',
  description: 'Short unique id of the pipeline run (lowercase a-z, 0-9, "-", at most 20 characters); makes job names unique.',
  example: 'r20250101-7',
};
const ARTIFACT_BUCKET: WorkloadVariable = {
  name: 'ARTIFACT_BUCKET',
  description: 'Bucket (name only) holding training outputs and batch scoring input/output under <project>/.',
  example: 'ml-artifacts-dev',
};

/** Every placeholder a cloud's specs may contain. */
export const WORKLOAD_VARIABLES: Record<Cloud, readonly WorkloadVariable[]> = {
  kubernetes: [IMAGE_REGISTRY, IMAGE_TAG, RUN_ID],
  azure: [
    IMAGE_REGISTRY,
    IMAGE_TAG,
    RUN_ID,
    { name: 'AZUREML_ENDPOINT_NAME', description: 'Managed online endpoint the deployment belongs to.', example: 'churn-model-dev' },
    { name: 'AZUREML_DEPLOYMENT_NAME', description: 'Name of this deployment under the endpoint (blue/green).', example: 'blue' },
  ],
  aws: [
    IMAGE_REGISTRY,
    IMAGE_TAG,
    RUN_ID,
    ARTIFACT_BUCKET,
    { name: 'SAGEMAKER_ROLE_ARN', description: 'Execution role SageMaker assumes for the job.', example: 'arn:aws:iam::123456789012:role/churn-model-sagemaker' },
    { name: 'SAGEMAKER_MODEL_NAME', description: 'SageMaker model (CreateModel) wrapping the serve image.', example: 'churn-model-3f2c1ab' },
  ],
  gcp: [
    IMAGE_REGISTRY,
    IMAGE_TAG,
    RUN_ID,
    ARTIFACT_BUCKET,
    { name: 'VERTEX_MODEL', description: 'Resource name of the uploaded Vertex AI model.', example: 'projects/my-project/locations/europe-west4/models/123' },
  ],
};

/** `${NAME}`, checked against the cloud's list so a typo cannot ship. */
export function placeholder(cloud: Cloud, name: string): string {
  if (!WORKLOAD_VARIABLES[cloud].some((variable) => variable.name === name)) throw new Error(`${name} is not a workload variable of ${cloud}`);
  return `\${${name}}`;
}

/** The SHELL-FORMAT argument of `envsubst` for a cloud, e.g. `${IMAGE_REGISTRY} ${IMAGE_TAG} ${RUN_ID}`. */
export function envsubstFormat(cloud: Cloud): string {
  return WORKLOAD_VARIABLES[cloud].map((variable) => `\${${variable.name}}`).join(' ');
}
