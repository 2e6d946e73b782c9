/**
 * The values a workload spec cannot know at synth time (image tag, run id, cloud resources created by
 * the infrastructure). Specs carry them as `${NAME}`; the pipeline substitutes them with
 * `envsubst "$(format)"`, passing {@link envsubstFormatOf} so that nothing else that looks like a shell
 * variable (a torchrun launch line, an Azure ML `${{outputs.x}}` binding) is touched. Each cloud lists
 * its own after {@link COMMON_WORKLOAD_VARIABLES} (clouds/<cloud>/workloads).
 */

/** A placeholder the pipeline fills in. */
export interface WorkloadVariable {
  name: string;
  description: string;
  /** A representative value, used in docs and by the validators. */
  example: string;
}

/** The placeholders of every cloud's specs: the images and the run. */
export const COMMON_WORKLOAD_VARIABLES: readonly WorkloadVariable[] = [
  {
    name: 'IMAGE_REGISTRY',
    description: 'Registry (and path) the pipeline pushed <project>-train and <project>-serve to.',
    example: 'registry.example.com/ml',
  },
  { name: 'IMAGE_TAG', description: 'Tag of the images built by this pipeline run.', example: '3f2c1ab' },
  {
    name: 'RUN_ID',
    description: 'Short unique id of the pipeline run (lowercase a-z, 0-9, "-", at most 20 characters); makes job names unique.',
    example: 'r20250101-7',
  },
];

/** The bucket of clouds whose specs name their object storage themselves. */
export const ARTIFACT_BUCKET: WorkloadVariable = {
  name: 'ARTIFACT_BUCKET',
  description: 'Bucket (name only) holding training outputs and batch scoring input/output under <project>/.',
  example: 'ml-artifacts-dev',
};

/** `${NAME}` of one of `variables`, checked so a typo cannot ship; `owner` names them in the error. */
export function placeholders(owner: string, variables: readonly WorkloadVariable[]): (name: string) => string {
  return (name) => {
    if (!variables.some((variable) => variable.name === name)) throw new Error(`${name} is not a workload variable of ${owner}`);
    return `\${${name}}`;
  };
}

/** The SHELL-FORMAT argument of `envsubst` for a list of variables, e.g. `${IMAGE_REGISTRY} ${IMAGE_TAG} ${RUN_ID}`. */
export function envsubstFormatOf(variables: readonly WorkloadVariable[]): string {
  return variables.map((variable) => `\${${variable.name}}`).join(' ');
}
