/**
 * The answers a project is generated from. They are recorded in the manifest and replayed on upgrade, so
 * this schema is a contract: add fields with defaults, never change the meaning of one.
 */
import * as z from 'zod/mini';
import type { $ZodError } from 'zod/v4/core';
import { projectNameProblem } from './project-name.js';

// The vocabulary is the platform package's: a project can only ask for what it can synthesize.
export { CICD_SYSTEMS, CLOUDS, FRAMEWORKS, GPU_SKUS, PERSONAS, SERVING_MODES } from '@ai-factory/shared';
import { CICD_SYSTEMS, CLOUDS, FRAMEWORKS, GPU_SKUS, PERSONAS, SERVING_MODES } from '@ai-factory/shared';

/** Free text from a person: any Unicode, but well-formed, so every file format can hold it. */
const text = (max: number) => z.string().check(z.maxLength(max), z.refine((value) => value.isWellFormed(), 'must be well-formed Unicode text'));

const slug = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be lowercase a-z, 0-9 and "-", starting with a letter'));

export const GpuSchema = z.object({
  sku: z.enum(GPU_SKUS).check(z.describe('Logical GPU model')),
  count: z.int().check(z.minimum(1), z.maximum(8), z.describe('GPUs per node')),
});
export type Gpu = z.infer<typeof GpuSchema>;

export const AnswersSchema = z.object({
  name: z.string().check(
    z.superRefine((name, ctx) => {
      const problem = projectNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    z.describe('Project name: the directory, repository and (with "_") Python package name'),
  ),
  description: text(500).check(z.describe('One or two sentences on what the model does')),
  team: text(100).check(z.minLength(1), z.describe('Owning team')),
  preset: z.string().check(z.describe('Preset the project started from')),
  cloud: z.enum(CLOUDS).check(z.describe('Cloud the project runs on')),
  cicd: z.enum(CICD_SYSTEMS).check(z.describe('CI/CD system')),
  framework: z.enum(FRAMEWORKS).check(z.describe('ML framework')),
  serving: z.enum(SERVING_MODES).check(z.describe('How predictions are served')),
  gpu: z.nullable(GpuSchema).check(z.describe('GPU for training, or null for CPU only')),
  environments: z
    .array(slug)
    .check(
      z.minLength(1),
      z.refine((envs) => new Set(envs).size === envs.length, 'environments must be unique'),
      z.describe('Deployment environments, in promotion order'),
    ),
  monitoring: z.boolean().check(z.describe('Ship dashboards, alert rules and drift metrics')),
  personas: z
    .array(z.enum(PERSONAS))
    .check(z.refine((list) => new Set(list).size === list.length, 'personas must be unique'), z.describe('Personas that get RBAC roles')),
  moduleOptions: z
    ._default(z.record(z.string(), z.record(z.string(), z.unknown())), {})
    .check(z.describe('Options of individual modules, by module id')),
  // Optional rather than defaulted: a project that never added or removed a module keeps the manifest it had.
  addedModules: z.optional(z.array(z.string())).check(z.describe('Modules added after creation (ai-factory add), besides the preset\'s')),
  removedModules: z.optional(z.array(z.string())).check(z.describe('Preset modules removed after creation (ai-factory remove)')),
});
export type Answers = z.infer<typeof AnswersSchema>;
export type AnswerKey = keyof Answers;

/** Answers as they may arrive from flags, files or presets before they are complete. */
export const PartialAnswersSchema = z.partial(AnswersSchema);
export type PartialAnswers = z.infer<typeof PartialAnswersSchema>;

/** The defaults `--yes` takes for anything neither the preset nor the user set. */
export function defaultAnswers(name: string): Omit<Answers, 'preset'> {
  return {
    name,
    description: `Machine learning project ${name}.`,
    team: 'data-science',
    cloud: 'azure',
    cicd: 'github-actions',
    framework: 'sklearn',
    serving: 'online',
    gpu: null,
    environments: ['dev', 'staging', 'prod'],
    monitoring: true,
    personas: [...PERSONAS],
    moduleOptions: {},
  };
}

/** Formats zod issues as `field: message` lines, so a bad answer points at its field. */
export function describeIssues(error: $ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
}
