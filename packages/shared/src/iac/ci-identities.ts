/** Names of the CI identities bootstrap/ creates in an environment, within each cloud's length limit. */
import type { CiIdentityNames } from '../clouds/adapter.js';
import type { Environment } from '../declaration/environment.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import { resourcePrefix } from '../rbac/capabilities.js';

/**
 * `<before><project>-<env><after>-pipeline` and `…-deployer`, the `<project>-<env>` part cut so that the
 * name fits `maxLength` (and never ends in `-` where it is cut).
 * @example ciIdentityNames(project, dev, { after: '-ci', maxLength: 64 }).deployer // 'churn-dev-ci-deployer'
 */
export function ciIdentityNames(project: ProjectDeclaration, environment: Environment, form: { before?: string; after?: string; maxLength: number }): CiIdentityNames {
  const before = form.before ?? '';
  const after = form.after ?? '';
  const room = form.maxLength - before.length - after.length - '-pipeline'.length;
  const base = resourcePrefix(project, environment.name).slice(0, room).replace(/-+$/, '');
  return { pipeline: `${before}${base}${after}-pipeline`, deployer: `${before}${base}${after}-deployer` };
}
