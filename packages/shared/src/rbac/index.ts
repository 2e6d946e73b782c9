/** Roles per persona and environment, plus the pipeline identity's, for the project's cloud. */
import type { Cloud } from '../declaration/common.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import type { Artifact, Synthesizer } from '../synth/artifact.js';
import { awsPolicy } from '../clouds/aws/rbac.js';
import { azureRole } from '../clouds/azure/rbac.js';
import { roleGrants, type RoleGrant } from './capabilities.js';
import { gcpRole } from '../clouds/gcp/rbac.js';
import { kubernetesRole } from '../clouds/kubernetes/rbac.js';

export { AWS_PLACEHOLDERS } from '../clouds/aws/rbac.js';
export { AZURE_SCOPE_PLACEHOLDER } from '../clouds/azure/rbac.js';
export { CAPABILITIES, PERSONA_CAPABILITIES, PIPELINE, PIPELINE_CAPABILITIES, roleGrants, type Capability, type Principal, type RoleGrant } from './capabilities.js';
export { kubernetesGroup } from '../clouds/kubernetes/rbac.js';
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
