/**
 * Wildcard actions grant whatever a provider adds later, so they are refused unless listed here with
 * the reason they are needed. The reasons are rendered into every role that uses the wildcard.
 */
import type { Cloud } from '../declaration/common.js';

/** A wildcard action that may appear in a role, and why. */
export interface AllowedWildcard {
  cloud: Cloud;
  action: string;
  reason: string;
}

export const WILDCARD_ALLOW_LIST: readonly AllowedWildcard[] = [
  {
    cloud: 'azure',
    action: 'Microsoft.MachineLearningServices/workspaces/*/read',
    reason:
      'Azure ML studio and SDK read many workspace sub-resource types (datastores, environments, components, job and model versions) whose ' +
      'list grows with each API version; Microsoft documents this read-only wildcard as the requirement for submitting jobs. It grants no write and is scoped to the project resource group.',
  },
];

/** Whether an action, permission or Kubernetes verb/resource names more than one thing. */
export const isWildcard = (action: string): boolean => action.includes('*');

/** The allow-list entry of a wildcard, if it has one. */
export function allowedWildcard(cloud: Cloud, action: string): AllowedWildcard | undefined {
  return WILDCARD_ALLOW_LIST.find((entry) => entry.cloud === cloud && entry.action === action);
}

/** Human-readable justification of the allow-listed wildcards among `actions`, for a role's description. */
export function wildcardReasons(cloud: Cloud, actions: readonly string[]): string[] {
  return actions.filter(isWildcard).map((action) => {
    const entry = allowedWildcard(cloud, action);
    if (!entry) throw new Error(`wildcard ${action} on ${cloud} is not in WILDCARD_ALLOW_LIST`);
    return `${action}: ${entry.reason}`;
  });
}
