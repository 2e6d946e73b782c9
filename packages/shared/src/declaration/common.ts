/** Names shared by every part of the declaration. */
export const CLOUDS = ['azure', 'aws', 'gcp', 'kubernetes'] as const;
export type Cloud = (typeof CLOUDS)[number];

export const CICD_SYSTEMS = ['github-actions', 'azure-pipelines', 'gitlab-ci'] as const;
export type CicdSystem = (typeof CICD_SYSTEMS)[number];

export const FRAMEWORKS = ['sklearn', 'pytorch'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** Online (HTTP endpoint), batch (scheduled scoring) or both. */
export const SERVING_MODES = ['online', 'batch', 'both'] as const;
export type ServingMode = (typeof SERVING_MODES)[number];

/**
 * Who acts on a project's resources. The domain expert judges what the model does against the business
 * (dashboards, predictions, the evaluation data); the AI engineer builds the applications and agents that
 * call the model and tries them against lower environments.
 */
export const PERSONAS = ['data-scientist', 'data-engineer', 'ml-engineer', 'model-validator', 'domain-expert', 'ai-engineer'] as const;
export type Persona = (typeof PERSONAS)[number];

/** What a persona may do in an environment, from nothing to administering it. */
export const PERMISSION_LEVELS = ['none', 'read', 'write', 'admin'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

/** Lowercase name usable in every cloud's resource names. */
export const NAME_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;
