/**
 * The tags (labels on GCP and Kubernetes) of every resource, in each cloud's allowed syntax. The team is
 * free text in the declaration, so it is rewritten here rather than rejected by the cloud at apply time.
 */
import type { Cloud } from '../declaration/common.js';
import type { Environment } from '../declaration/environment.js';
import type { ProjectDeclaration } from '../declaration/project.js';

/** Value of the managed-by tag: the resources belong to the factory's Terraform, not to hand edits. */
export const MANAGED_BY = 'ai-factory';

/** GCP labels: lowercase letters, digits, `_` and `-`, at most 63. */
function gcpLabel(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').slice(0, 63);
}

/** Kubernetes label values: as GCP's (plus `.`), and starting and ending alphanumerically. */
function kubernetesLabel(value: string): string {
  return gcpLabel(value).replace(/^[^a-z0-9]+/, '').replace(/[^a-z0-9]+$/, '');
}

/** AWS tag values: letters, digits, spaces and `_ . : / = + - @`, at most 256. */
function awsTag(value: string): string {
  return value.replace(/[^\p{L}\p{N}\s_.:/=+\-@]+/gu, '-').slice(0, 256);
}

const TAG_VALUE: Record<Cloud, (value: string) => string> = {
  azure: (value) => value.slice(0, 256),
  aws: awsTag,
  gcp: gcpLabel,
  kubernetes: kubernetesLabel,
};

/**
 * Tags of every resource of an environment: project, team, environment and managed-by.
 * @example resourceTags(project, project.environments[0]) // { project: 'churn', team: 'growth', environment: 'dev', 'managed-by': 'ai-factory' }
 */
export function resourceTags(project: ProjectDeclaration, environment: Environment): Record<string, string> {
  const value = TAG_VALUE[project.cloud];
  return {
    project: value(project.name),
    team: value(project.team),
    environment: value(environment.name),
    'managed-by': value(MANAGED_BY),
  };
}
