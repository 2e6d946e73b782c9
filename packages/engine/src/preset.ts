/** Presets: a named set of modules with the answers that make them a complete, tested architecture. */
import * as z from 'zod/mini';
import { AnswersSchema } from './answers.js';

export const PresetSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
  summary: z.string().check(z.minLength(1), z.maxLength(160)),
  description: z.optional(z.string()),
  /** Module ids; a module whose `when` does not hold for the final answers is left out. */
  modules: z.array(z.string()).check(z.minLength(1)),
  /** Default answers; flags, prompts and answer files override them. */
  answers: z.partial(z.omit(AnswersSchema, { name: true, preset: true })),
});

export type PresetInput = z.input<typeof PresetSchema>;
export type Preset = z.output<typeof PresetSchema>;

/**
 * Declares a preset; validated when the catalog loads it.
 * @example
 * export default definePreset({
 *   id: 'azure-tabular', summary: 'Tabular model on Azure',
 *   modules: ['core/project', 'ml/tabular-sklearn'], answers: { cloud: 'azure', framework: 'sklearn' },
 * });
 */
export function definePreset(preset: PresetInput): PresetInput {
  return preset;
}
