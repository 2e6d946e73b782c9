/**
 * The bootstrap's values: one `infra/bootstrap/environments/<env>.tfvars` per environment, read by the
 * template-owned bootstrap root module, which an administrator applies once per environment before the
 * first pipeline run (state storage, and the CI identities with their OIDC trust).
 */
import { ciTrust } from '../cicd/oidc-trust.js';
import { cloudAdapter } from '../clouds/index.js';
import type { Environment } from '../declaration/environment.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import type { Synthesizer } from '../synth/artifact.js';
import { BOOTSTRAP_DIR, bootstrapTfvarsPath } from '../synth/paths.js';
import { resourceTags } from './tags.js';
import { renderTfvars } from './tfvars.js';

/**
 * Every variable an environment's bootstrap tfvars sets: the shared ones, the CI system's trust, then the cloud's own.
 * `ci_repository` (and the issuer where it is per organisation) is the administrator's to give.
 * @example bootstrapVariables(project, project.environments[0]).deployer_subjects // ['repo:{repository}:environment:dev']
 */
export function bootstrapVariables(project: ProjectDeclaration, environment: Environment): Record<string, unknown> {
  const trust = ciTrust(project, environment.name);
  return {
    project: project.name,
    environment: environment.name,
    ...(environment.region !== undefined ? { region: environment.region } : {}),
    tags: resourceTags(project, environment),
    ...(trust.issuer !== undefined ? { ci_issuer_url: trust.issuer } : {}),
    ...(trust.audience !== undefined ? { ci_audience: trust.audience } : {}),
    pipeline_subjects: trust.pipeline,
    deployer_subjects: trust.deployer,
    ...cloudAdapter(project.cloud).terraform.bootstrapValues(project, environment),
  };
}

/**
 * The bootstrap tfvars of every environment, in promotion order of the declaration.
 * @example synthesizeBootstrapValues(project).map((a) => a.path) // ['infra/bootstrap/environments/dev.tfvars', …]
 */
export const synthesizeBootstrapValues: Synthesizer = (project) =>
  project.environments.map((environment) => ({
    path: bootstrapTfvarsPath(environment.name),
    content: renderTfvars(
      bootstrapVariables(project, environment),
      `Bootstrap of ${environment.name}, applied once by an administrator: TF_VAR_ci_repository=<repository> terraform -chdir=${BOOTSTRAP_DIR} apply -var-file=environments/${environment.name}.tfvars`,
    ),
  }));
