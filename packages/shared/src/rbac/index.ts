/** Roles per persona and environment, plus the pipeline identity's, for the project's cloud. */
import { cloudAdapter } from '../clouds/index.js';
import type { Synthesizer } from '../synth/artifact.js';
import { roleGrants } from './capabilities.js';

export { WILDCARD_ALLOW_LIST } from '../clouds/by-cloud.js';

/**
 * One role file per persona and environment it has access to, and one for the pipeline identity per
 * environment, under `rbac/<cloud>/<principal>-<env>.<json|yaml>`.
 */
export const synthesizeRbac: Synthesizer = (project) => {
  const { rbac } = cloudAdapter(project.cloud);
  return roleGrants(project).map((grant) => rbac.role(project, grant));
};
