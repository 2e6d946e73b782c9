/**
 * Managed infrastructure values: one `infra/environments/<env>.tfvars` per environment, read by the
 * template-owned Terraform in `infra/` of the project's cloud, and one of its bootstrap in `infra/bootstrap/`.
 */
import type { Synthesizer } from '../synth/artifact.js';
import { TERRAFORM_DIR, tfvarsPath } from '../synth/paths.js';
import { synthesizeBootstrapValues } from './bootstrap.js';
import { renderTfvars } from './tfvars.js';
import { terraformVariables } from './values.js';

export { terraformVariables, BUDGET_ALERT_THRESHOLDS } from './values.js';
export { cpuMachineType } from '../clouds/by-cloud.js';

/**
 * The tfvars of every environment, in promotion order of the declaration, then those of its bootstrap.
 * @example synthesizeIacValues(project).map((a) => a.path) // ['infra/environments/dev.tfvars', 'infra/environments/prod.tfvars', 'infra/bootstrap/environments/dev.tfvars', …]
 */
export const synthesizeIacValues: Synthesizer = (project) => [
  ...project.environments.map((environment) => ({
    path: tfvarsPath(environment.name),
    content: renderTfvars(
      terraformVariables(project, environment),
      `Values of ${environment.name}: terraform -chdir=${TERRAFORM_DIR} plan -var-file=environments/${environment.name}.tfvars`,
    ),
  })),
  ...synthesizeBootstrapValues(project),
];
