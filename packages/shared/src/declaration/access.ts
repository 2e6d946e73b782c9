import * as z from 'zod/mini';
import { PERMISSION_LEVELS, PERSONAS, type PermissionLevel, type Persona } from './common.js';
import { parseWith } from './errors.js';

/** Persona → environment → permission level. */
export type Access = Partial<Record<Persona, Record<string, PermissionLevel>>>;

export const AccessSchema = z.partialRecord(
  z.enum(PERSONAS),
  z.record(z.string(), z.enum(PERMISSION_LEVELS)).check(z.refine((envs) => Object.keys(envs).length > 0, 'a persona needs at least one environment')),
);

/**
 * The least-privilege default: everyone reads everywhere, people build in the lower environments, and
 * nobody but the pipeline identity changes production. `production` is the last environment.
 */
export function defaultAccess(personas: readonly Persona[], environments: readonly string[]): Access {
  const production = environments.at(-1);
  const level = (persona: Persona, env: string): PermissionLevel => {
    if (env === production) return 'read';
    const first = env === environments[0];
    switch (persona) {
      case 'data-scientist':
        return first ? 'write' : 'read';
      case 'data-engineer':
        return 'write';
      case 'ml-engineer':
        return first ? 'admin' : 'write';
      case 'model-validator':
      case 'domain-expert':
        return 'read';
      case 'ai-engineer':
        return first ? 'write' : 'read';
    }
  };
  return Object.fromEntries(personas.map((persona) => [persona, Object.fromEntries(environments.map((env) => [env, level(persona, env)]))]));
}

/**
 * Declares who may do what where.
 * @example access({ 'data-scientist': { dev: 'write', prod: 'read' }, 'model-validator': { prod: 'read' } })
 */
export function access(matrix: Access): Access {
  return parseWith<Access>(AccessSchema, matrix, 'access()');
}
