/**
 * What each persona may do at each permission level, in cloud-neutral capabilities; each cloud maps a
 * capability to its own actions. The production rules live here, so every cloud inherits them:
 * only the pipeline identity deploys to production, and data scientists only read production data.
 */
import type { PermissionLevel, Persona } from '../declaration/common.js';
import type { ProjectDeclaration } from '../declaration/project.js';

export const CAPABILITIES = ['observe', 'read-data', 'write-data', 'run-jobs', 'register-models', 'deploy', 'manage-compute'] as const;
/** A cloud-neutral unit of permission, mapped to actions per cloud. */
export type Capability = (typeof CAPABILITIES)[number];

/** The CI/CD identity: the only principal that deploys, in every environment. */
export const PIPELINE = 'pipeline';
/** Whose role a file holds: a persona or the pipeline identity. */
export type Principal = Persona | typeof PIPELINE;

type GrantedLevel = Exclude<PermissionLevel, 'none'>;

/** Persona × level → capabilities, before the production rules are applied. */
export const PERSONA_CAPABILITIES: Record<Persona, Record<GrantedLevel, readonly Capability[]>> = {
  'data-scientist': {
    read: ['observe', 'read-data'],
    write: ['observe', 'read-data', 'write-data', 'run-jobs', 'register-models'],
    admin: ['observe', 'read-data', 'write-data', 'run-jobs', 'register-models', 'manage-compute'],
  },
  'data-engineer': {
    read: ['observe', 'read-data'],
    write: ['observe', 'read-data', 'write-data', 'run-jobs'],
    admin: ['observe', 'read-data', 'write-data', 'run-jobs', 'manage-compute'],
  },
  'ml-engineer': {
    read: ['observe', 'read-data'],
    write: ['observe', 'read-data', 'write-data', 'run-jobs', 'register-models', 'deploy'],
    admin: ['observe', 'read-data', 'write-data', 'run-jobs', 'register-models', 'deploy', 'manage-compute'],
  },
  // Validators review models and their evaluation data; approving a model is registering its stage.
  'model-validator': {
    read: ['observe', 'read-data'],
    write: ['observe', 'read-data', 'register-models'],
    admin: ['observe', 'read-data', 'register-models'],
  },
  // Domain experts judge predictions and curate labels and reference data; they run and deploy nothing.
  'domain-expert': {
    read: ['observe', 'read-data'],
    write: ['observe', 'read-data', 'write-data'],
    admin: ['observe', 'read-data', 'write-data'],
  },
  // AI engineers stand the model up where their applications can call it and run their own evaluations.
  'ai-engineer': {
    read: ['observe', 'read-data'],
    write: ['observe', 'read-data', 'run-jobs', 'deploy'],
    admin: ['observe', 'read-data', 'run-jobs', 'deploy', 'manage-compute'],
  },
};

/** The pipeline trains, registers and deploys; it does not manage compute, which Terraform owns. */
export const PIPELINE_CAPABILITIES: readonly Capability[] = ['observe', 'read-data', 'write-data', 'run-jobs', 'register-models', 'deploy'];

/** Capabilities no human holds in production, whatever the declared level. */
const HUMAN_PRODUCTION_DENIED: readonly Capability[] = ['deploy', 'manage-compute'];

/** One role to synthesize: a principal's capabilities in one environment. */
export interface RoleGrant {
  principal: Principal;
  environment: string;
  /** The declared level; the pipeline's is always `write`. */
  level: GrantedLevel;
  production: boolean;
  capabilities: Capability[];
}

/** Capabilities of a persona at a level in an environment, with the production rules applied. */
export function personaCapabilities(persona: Persona, level: GrantedLevel, production: boolean): Capability[] {
  return PERSONA_CAPABILITIES[persona][level].filter(
    (capability) =>
      !(production && HUMAN_PRODUCTION_DENIED.includes(capability)) && !(production && persona === 'data-scientist' && capability === 'write-data'),
  );
}

/**
 * Every role of the project: each persona in each environment where its level is above `none`, then
 * the pipeline identity in every environment. Ordered by environment (promotion order), then principal.
 */
export function roleGrants(project: ProjectDeclaration): RoleGrant[] {
  const productionEnv = project.promotion.at(-1);
  return project.promotion.flatMap((environment) => {
    const production = environment === productionEnv;
    const humans = (Object.entries(project.access) as [Persona, Record<string, PermissionLevel>][])
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .flatMap(([persona, levels]): RoleGrant[] => {
        const level = levels[environment];
        if (level === undefined || level === 'none') return [];
        return [{ principal: persona, environment, level, production, capabilities: personaCapabilities(persona, level, production) }];
      });
    return [...humans, { principal: PIPELINE, environment, level: 'write', production, capabilities: [...PIPELINE_CAPABILITIES] }];
  });
}

/** File stem of a role: `<principal>-<environment>`. */
export const roleFileStem = (grant: Pick<RoleGrant, 'principal' | 'environment'>) => `${grant.principal}-${grant.environment}`;

/** Resource-name prefix of a project's environment, shared with the Terraform modules' naming. */
export const resourcePrefix = (project: ProjectDeclaration, environment: string) => `${project.name}-${environment}`;
