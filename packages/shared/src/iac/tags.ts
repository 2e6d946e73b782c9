/**
 * The tags (labels on GCP and Kubernetes) of every resource, in each cloud's allowed syntax. The team is
 * free text in the declaration, so it is rewritten here rather than rejected by the cloud at apply time.
 */
import { cloudAdapter } from '../clouds/index.js';
import type { Environment } from '../declaration/environment.js';
import type { ProjectDeclaration } from '../declaration/project.js';

/** Value of the managed-by tag: the resources belong to the factory's Terraform, not to hand edits. */
export const MANAGED_BY = 'ai-factory';

/**
 * Tags of every resource of an environment: project, team, environment and managed-by.
 * @example resourceTags(project, project.environments[0]) // { project: 'churn', team: 'growth', environment: 'dev', 'managed-by': 'ai-factory' }
 */
export function resourceTags(project: ProjectDeclaration, environment: Environment): Record<string, string> {
  const value = cloudAdapter(project.cloud).terraform.tagValue;
  return {
    project: value(project.name),
    team: value(project.team),
    environment: value(environment.name),
    'managed-by': value(MANAGED_BY),
  };
}
