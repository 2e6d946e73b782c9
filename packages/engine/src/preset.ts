/** Presets: a named set of modules with the answers that make them a complete, tested architecture. */
import * as z from 'zod';
import { AnswersSchema } from './answers.js';

export const PresetSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    summary: z.string().min(1).max(160),
    description: z.string().optional(),
    /** Module ids; a module whose `when` does not hold for the final answers is left out. */
    modules: z.array(z.string()).min(1),
    /** Default answers; flags, prompts and answer files override them. */
    answers: AnswersSchema.omit({ name: true, preset: true }).partial(),
  })
  .strict();

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
