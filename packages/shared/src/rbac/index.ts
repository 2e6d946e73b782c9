/** Roles per persona and environment, plus the pipeline identity's, for the project's cloud. */
import { cloudAdapter } from '../clouds/index.js';
import type { Synthesizer } from '../synth/artifact.js';
import { roleGrants } from './capabilities.js';

export { AWS_PLACEHOLDERS } from '../clouds/aws/rbac.js';
export { AZURE_SCOPE_PLACEHOLDER } from '../clouds/azure/rbac.js';
export { CAPABILITIES, PERSONA_CAPABILITIES, PIPELINE, PIPELINE_CAPABILITIES, roleGrants, type Capability, type Principal, type RoleGrant } from './capabilities.js';
export { kubernetesGroup } from '../clouds/kubernetes/rbac.js';
export { WILDCARD_ALLOW_LIST } from '../clouds/by-cloud.js';
export type { AllowedWildcard } from './wildcards.js';

/**
 * One role file per persona and environment it has access to, and one for the pipeline identity per
 * environment, under `rbac/<cloud>/<principal>-<env>.<json|yaml>`.
 */
export const synthesizeRbac: Synthesizer = (project) => {
  const { rbac } = cloudAdapter(project.cloud);
  return roleGrants(project).map((grant) => rbac.role(project, grant));
};
