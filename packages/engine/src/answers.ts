/**
 * The answers a project is generated from. They are recorded in the manifest and replayed on upgrade, so
 * this schema is a contract: add fields with defaults, never change the meaning of one.
 */
import * as z from 'zod';
import { projectNameProblem } from './project-name.js';

// The vocabulary is the platform package's: a project can only ask for what it can synthesize.
export { CICD_SYSTEMS, CLOUDS, FRAMEWORKS, GPU_SKUS, PERSONAS, SERVING_MODES } from '@ai-factory/shared';
import { CICD_SYSTEMS, CLOUDS, FRAMEWORKS, GPU_SKUS, PERSONAS, SERVING_MODES } from '@ai-factory/shared';

/** Free text from a person: any Unicode, but well-formed, so every file format can hold it. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.isWellFormed(), 'must be well-formed Unicode text');

const slug = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be lowercase a-z, 0-9 and "-", starting with a letter');

export const GpuSchema = z.object({
  sku: z.enum(GPU_SKUS).describe('Logical GPU model'),
  count: z.number().int().min(1).max(8).describe('GPUs per node'),
});
export type Gpu = z.infer<typeof GpuSchema>;

export const AnswersSchema = z.object({
  name: z
    .string()
    .superRefine((name, ctx) => {
      const problem = projectNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe('Project name: the directory, repository and (with "_") Python package name'),
  description: text(500).describe('One or two sentences on what the model does'),
  team: text(100).min(1).describe('Owning team'),
  preset: z.string().describe('Preset the project started from'),
  cloud: z.enum(CLOUDS).describe('Cloud the project runs on'),
  cicd: z.enum(CICD_SYSTEMS).describe('CI/CD system'),
  framework: z.enum(FRAMEWORKS).describe('ML framework'),
  serving: z.enum(SERVING_MODES).describe('How predictions are served'),
  gpu: GpuSchema.nullable().describe('GPU for training, or null for CPU only'),
  environments: z
    .array(slug)
    .min(1)
    .refine((envs) => new Set(envs).size === envs.length, 'environments must be unique')
    .describe('Deployment environments, in promotion order'),
  monitoring: z.boolean().describe('Ship dashboards, alert rules and drift metrics'),
  personas: z
    .array(z.enum(PERSONAS))
    .refine((list) => new Set(list).size === list.length, 'personas must be unique')
    .describe('Personas that get RBAC roles'),
  moduleOptions: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .default({})
    .describe('Options of individual modules, by module id'),
  // Optional rather than defaulted: a project that never added or removed a module keeps the manifest it had.
  addedModules: z
    .array(z.string())
    .optional()
    .describe('Modules added after creation (ai-factory add), besides the preset\'s'),
  removedModules: z
    .array(z.string())
    .optional()
    .describe('Preset modules removed after creation (ai-factory remove)'),
});
export type Answers = z.infer<typeof AnswersSchema>;
export type AnswerKey = keyof Answers;

/** Answers as they may arrive from flags, files or presets before they are complete. */
export const PartialAnswersSchema = AnswersSchema.partial();
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
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
}
