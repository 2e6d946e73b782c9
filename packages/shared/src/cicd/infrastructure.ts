/**
 * The infrastructure steps of a deployment: `init` against the environment's remote state (partial backend
 * configuration from CI variables), `plan` as the job's own identity, which only reads, then `apply` of
 * exactly that plan as the deployer identity.
 */
import type { CloudAdapter, CloudCi } from '../clouds/adapter.js';
import type { Environment } from '../declaration/environment.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import { TERRAFORM_DIR, tfvarsPath } from '../synth/paths.js';
import type { CiStep } from './model.js';

/** The saved plan, in infra/, that apply takes. */
const PLAN_FILE = 'deploy.tfplan';

const terraform = (args: string) => `terraform -chdir=${TERRAFORM_DIR} ${args}`;

/**
 * The deployer identity a step runs as: the cloud's, for a Terraform step that asks for it; undefined
 * otherwise (the step runs as the job's identity, or the cloud has only that one).
 */
export const deployerOf = (ci: CloudCi, step: CiStep): CloudCi['deployer'] => (step.terraform && step.deployer ? ci.deployer : undefined);

/** `-backend-config` flags of the environment's state; `$VAR` values expand from the CI variables. */
export function backendFlags(project: ProjectDeclaration, adapter: CloudAdapter, environment: Environment): string {
  return Object.entries(adapter.terraform.backend.config(project, environment))
    .map(([key, value]) => `-backend-config="${key}=${value}"`)
    .join(' ');
}

/** CI variables the infrastructure steps read: the state storage, the infra/ variables set from CI, the deployer identity. */
export function infrastructureVariables(adapter: CloudAdapter): string[] {
  return [...adapter.terraform.backend.variables, ...Object.values(adapter.terraform.ciVariables), ...(adapter.ci.deployer?.variables ?? [])];
}

/**
 * Plan then apply of `environment`'s infrastructure. Plan runs without the state lock (the deployment's
 * concurrency group already keeps two runs apart, and the job's identity may only read the state); apply
 * takes the lock, and refuses the plan if the state changed since.
 * @example infrastructureSteps(project, adapter, dev).map((step) => step.id) // ['plan', 'infrastructure']
 */
export function infrastructureSteps(project: ProjectDeclaration, adapter: CloudAdapter, environment: Environment): CiStep[] {
  const tfvars = tfvarsPath(environment.name).slice(TERRAFORM_DIR.length + 1);
  const fromCi = Object.entries(adapter.terraform.ciVariables).map(([name, variable]) => `export TF_VAR_${name}="$${variable}"`);
  const plan = [
    ...fromCi,
    terraform(`init -input=false ${backendFlags(project, adapter, environment)}`),
    terraform(`plan -input=false -lock=false -var-file=${tfvars} -out=${PLAN_FILE}`),
  ];
  return [
    { id: 'plan', name: `Plan the infrastructure of ${environment.name}`, run: plan.join('\n'), cloud: true, terraform: true },
    { id: 'infrastructure', name: `Apply the infrastructure of ${environment.name}`, run: terraform(`apply -input=false ${PLAN_FILE}`), cloud: true, terraform: true, deployer: true },
  ];
}
