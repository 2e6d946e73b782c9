/**
 * Wildcard actions grant whatever a provider adds later, so they are refused unless the cloud lists
 * them (its adapter's `rbac.wildcards`) with the reason they are needed. The reasons are rendered into
 * every role that uses the wildcard.
 */
import type { Cloud } from '../declaration/common.js';

/** A wildcard action that may appear in a role, and why. */
export interface AllowedWildcard {
  cloud: Cloud;
  action: string;
  reason: string;
}

/** Whether an action, permission or Kubernetes verb/resource names more than one thing. */
export const isWildcard = (action: string): boolean => action.includes('*');

/** Human-readable justification of the wildcards among `actions`, each of which must be in the cloud's `allowed` list. */
export function wildcardReasons(cloud: Cloud, allowed: readonly AllowedWildcard[], actions: readonly string[]): string[] {
  return actions.filter(isWildcard).map((action) => {
    const entry = allowed.find((candidate) => candidate.action === action);
    if (!entry) throw new Error(`wildcard ${action} on ${cloud} is not in WILDCARD_ALLOW_LIST`);
    return `${action}: ${entry.reason}`;
  });
}
