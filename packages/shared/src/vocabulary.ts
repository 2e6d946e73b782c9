/**
 * The words a project's answers are made of, without the schemas that validate them: an entry point for
 * command lines that print their help (or refuse an unknown flag) before they validate anything, so they
 * start without building every zod schema of the declaration.
 */
export { CICD_SYSTEMS, CLOUDS, FRAMEWORKS, PERSONAS, SERVING_MODES } from './declaration/common.js';
export { GPU_SKUS } from './gpu/models.js';
