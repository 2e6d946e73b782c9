/**
 * Pattern modules: the unit of the catalog. A module contributes files (an overlay on the project tree),
 * may take options, and says which answers it applies to, what it provides, requires and conflicts with.
 */
import * as z from 'zod/mini';
import { $ZodObject } from 'zod/v4/core';
import { CICD_SYSTEMS, CLOUDS, FRAMEWORKS, type Answers } from './answers.js';

const MODULE_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** Who owns a generated file after generation. */
export const FILE_OWNERS = ['template', 'managed'] as const;
export type FileOwner = (typeof FILE_OWNERS)[number];

/**
 * Answers a module or file applies to: every listed facet must match one of its values.
 * `serving: ['online']` matches projects serving `online` or `both`.
 */
export const ConditionSchema = z.partial(
  z.strictObject({
    cloud: z.array(z.enum(CLOUDS)),
    cicd: z.array(z.enum(CICD_SYSTEMS)),
    framework: z.array(z.enum(FRAMEWORKS)),
    serving: z.array(z.enum(['online', 'batch'])),
    compute: z.array(z.enum(['cpu', 'gpu'])),
    monitoring: z.array(z.boolean()),
  }),
);
export type Condition = z.infer<typeof ConditionSchema>;

export const FileRuleSchema = z.strictObject({
  /** Glob relative to the module's `files/` folder. */
  include: z.string().check(z.minLength(1)),
  /**
   * `template`: the team may edit it; upgrades merge. `managed`: regenerated, never edited by hand.
   * @default 'template'
   */
  owner: z._default(z.enum(FILE_OWNERS), 'template'),
  /** Only generate these files for matching answers. */
  when: z.optional(ConditionSchema),
});
export type FileRule = z.infer<typeof FileRuleSchema>;

// Any zod object schema, built with zod's classic API or zod/mini: both are the core's objects.
const isZodObject = (value: unknown): value is $ZodObject => value instanceof $ZodObject;

/** A file a module computes in code rather than renders from `files/`. */
export interface ComputedFile {
  path: string;
  /** Text, or bytes for a binary file. */
  content: string | Buffer;
  owner: FileOwner;
}

/** What a module's `generate` sees. */
export interface GenerateContext {
  answers: Answers;
  options: Record<string, unknown>;
  factoryVersion: string;
}

/**
 * Computes files from the answers, for content a template cannot express well (synthesized artifacts,
 * JSON built from data). Pure: no I/O. Only built-in modules may have one: external modules are data.
 */
export type ModuleGenerator = (context: GenerateContext) => ComputedFile[];

export const ModuleDefinitionSchema = z
  .strictObject({
    /** `<category>/<name>`, the same as the module's folder under `templates/`. */
    id: z.string().check(z.regex(MODULE_ID, 'must be "<category>/<name>" in lowercase a-z, 0-9 and "-"')),
    version: z.string().check(z.regex(SEMVER, 'must be a semantic version such as 1.0.0')),
    summary: z.string().check(z.minLength(1), z.maxLength(160)),
    description: z.optional(z.string()),
    /** Options of this module; every field needs a default so `--yes` can generate. */
    options: z.optional(z.custom<$ZodObject>(isZodObject, 'must be a zod object schema')),
    requires: z._default(z.array(z.string().check(z.regex(MODULE_ID))), []),
    conflicts: z._default(z.array(z.string().check(z.regex(MODULE_ID))), []),
    /** Capabilities such as `framework:sklearn` or `serving:online` that answers may ask for. */
    provides: z._default(z.array(z.string().check(z.regex(/^[a-z]+:[a-z0-9-]+$/))), []),
    when: z.optional(ConditionSchema),
    files: z._default(z.array(FileRuleSchema), []),
    generate: z.optional(z.custom<ModuleGenerator>((value) => typeof value === 'function', 'must be a function')),
  })
  .check(
    z.refine((module) => module.files.length > 0 || module.generate !== undefined, {
      message: 'a module contributes files, a generate function, or both',
      path: ['files'],
    }),
  );

export type ModuleDefinitionInput = z.input<typeof ModuleDefinitionSchema>;
export type ModuleDefinition = z.output<typeof ModuleDefinitionSchema>;

/** A module with the folder its files come from. */
export interface CatalogModule extends ModuleDefinition {
  /** Absolute path of the module's folder (holding `files/`). */
  dir: string;
  /** For an external module: the `--source` spec it was loaded from. */
  source?: string;
}

/**
 * Declares a module; validated when the catalog loads it.
 * @example
 * export default defineModule({
 *   id: 'serving/batch', version: '1.0.0', summary: 'Batch scoring of CSV files',
 *   provides: ['serving:batch'], when: { serving: ['batch'] },
 *   files: [{ include: '**' }],
 * });
 */
export function defineModule(definition: ModuleDefinitionInput): ModuleDefinitionInput {
  return definition;
}

/** The facets of a set of answers that conditions and capabilities are written against. */
export function answerFacets(answers: Answers): Required<Condition> {
  return {
    cloud: [answers.cloud],
    cicd: [answers.cicd],
    framework: [answers.framework],
    serving: answers.serving === 'both' ? ['online', 'batch'] : [answers.serving],
    compute: [answers.gpu ? 'gpu' : 'cpu'],
    monitoring: [answers.monitoring],
  };
}

/** True when every facet the condition names matches one of its values. */
export function conditionHolds(condition: Condition | undefined, answers: Answers): boolean {
  if (!condition) return true;
  const facets = answerFacets(answers);
  return Object.entries(condition).every(([facet, allowed]) =>
    (facets[facet as keyof Condition] as unknown[]).some((value) => (allowed as unknown[]).includes(value)),
  );
}
