/**
 * The values a workload spec cannot know at synth time (image tag, run id, cloud resources created by
 * the infrastructure). Specs carry them as `${NAME}`; the pipeline substitutes them with
 * `envsubst "$(format)"`, passing {@link envsubstFormatOf} so that nothing else that looks like a shell
 * variable (a torchrun launch line, an Azure ML `${{outputs.x}}` binding) is touched. Each cloud lists
 * its own after {@link COMMON_WORKLOAD_VARIABLES} (clouds/<cloud>/workloads).
 */

/**
 * Who gives a placeholder its value: a CI variable of the same name (plain configuration the platform
 * engineer sets from the environment's Terraform outputs), or the pipeline itself (its run, or a step
 * that computes the value just before the spec is used).
 */
export type PlaceholderSource = 'ci-variable' | 'pipeline';

/** A placeholder the pipeline fills in. */
export interface WorkloadVariable {
  name: string;
  description: string;
  /** A representative value, used in docs and by the validators. */
  example: string;
  setBy: PlaceholderSource;
}

/** The placeholders of every cloud's specs: the images and the run. */
export const COMMON_WORKLOAD_VARIABLES: readonly WorkloadVariable[] = [
  {
    name: 'IMAGE_REGISTRY',
    description: "Registry (and path) the pipeline pushes <project>-train and <project>-serve to: the environment's registry, from its Terraform outputs.",
    example: 'registry.example.com/ml',
    setBy: 'ci-variable',
  },
  { name: 'IMAGE_TAG', description: 'Tag of the images built by this pipeline run.', example: '3f2c1ab', setBy: 'pipeline' },
  {
    name: 'RUN_ID',
    description: 'Short unique id of the pipeline run (lowercase a-z, 0-9, "-", at most 20 characters); makes job names unique.',
    example: 'r20250101-7',
    setBy: 'pipeline',
  },
  {
    name: 'PUSHGATEWAY_URL',
    description: 'Prometheus Pushgateway that managed endpoints and batch jobs, which Prometheus cannot scrape, push their metrics to.',
    example: 'https://pushgateway.example.com',
    setBy: 'ci-variable',
  },
];

/** The bucket of clouds whose specs name their object storage themselves. */
export const ARTIFACT_BUCKET: WorkloadVariable = {
  name: 'ARTIFACT_BUCKET',
  description: 'Bucket (name only) holding training outputs and batch scoring input/output under <project>/; the Terraform output artifacts_bucket.',
  example: 'ml-artifacts-dev',
  setBy: 'ci-variable',
};

/** `${NAME}` of one of `variables`, checked so a typo cannot ship; `owner` names them in the error. */
export function placeholders(owner: string, variables: readonly WorkloadVariable[]): (name: string) => string {
  return (name) => {
    if (!variables.some((variable) => variable.name === name)) throw new Error(`${name} is not a workload variable of ${owner}`);
    return `\${${name}}`;
  };
}

/** The variables of `variables` that `content` contains, in their order. */
export function placeholdersIn(content: string, variables: readonly WorkloadVariable[]): WorkloadVariable[] {
  return variables.filter((variable) => content.includes(`\${${variable.name}}`));
}

/** The SHELL-FORMAT argument of `envsubst` for a list of variables, e.g. `${IMAGE_REGISTRY} ${IMAGE_TAG} ${RUN_ID}`. */
export function envsubstFormatOf(variables: readonly WorkloadVariable[]): string {
  return variables.map((variable) => `\${${variable.name}}`).join(' ');
}
