/** Roles per persona and environment, plus the pipeline identity's, for the project's cloud. */
import type { Cloud } from '../declaration/common.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import type { Artifact, Synthesizer } from '../synth/artifact.js';
import { awsPolicy } from './aws.js';
import { azureRole } from './azure.js';
import { roleGrants, type RoleGrant } from './capabilities.js';
import { gcpRole } from './gcp.js';
import { kubernetesRole } from './kubernetes.js';

export { AWS_PLACEHOLDERS } from './aws.js';
export { AZURE_SCOPE_PLACEHOLDER } from './azure.js';
export { CAPABILITIES, PERSONA_CAPABILITIES, PIPELINE, PIPELINE_CAPABILITIES, roleGrants, type Capability, type Principal, type RoleGrant } from './capabilities.js';
export { kubernetesGroup } from './kubernetes.js';
export { WILDCARD_ALLOW_LIST, type AllowedWildcard } from './wildcards.js';

const RENDERERS: Record<Cloud, (project: ProjectDeclaration, grant: RoleGrant) => Artifact> = {
  azure: azureRole,
  aws: awsPolicy,
  gcp: gcpRole,
  kubernetes: kubernetesRole,
};

/**
 * One role file per persona and environment it has access to, and one for the pipeline identity per
 * environment, under `rbac/<cloud>/<principal>-<env>.<json|yaml>`.
 */
export const synthesizeRbac: Synthesizer = (project) => roleGrants(project).map((grant) => RENDERERS[project.cloud](project, grant));
