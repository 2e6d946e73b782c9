/**
 * The tabular scikit-learn reference architecture (CPU, three environments, monitoring, the four core personas),
 * defined once for the presets that differ only in their answers: cloud, CI/CD system and serving mode.
 */
import { definePreset, type Answers, type PresetInput } from '@ai-factory/engine';
import { PRESET_PERSONAS, PLATFORM_MODULES, SERVING_MODULES, TABULAR_SKLEARN, THREE_ENVIRONMENTS } from './_modules.js';

/** What one tabular preset says about itself, and the answers it differs by. */
export interface TabularPresetOptions {
  id: string;
  summary: string;
  description: string;
  cloud: Answers['cloud'];
  cicd: Answers['cicd'];
  serving: Answers['serving'];
}

/** A tabular preset: the shared modules and defaults with this preset's cloud, CI/CD system and serving mode. */
export function tabularPreset({ id, summary, description, cloud, cicd, serving }: TabularPresetOptions): PresetInput {
  return definePreset({
    id,
    summary,
    description,
    modules: [...PLATFORM_MODULES, ...TABULAR_SKLEARN, ...SERVING_MODULES],
    answers: {
      cloud,
      cicd,
      framework: 'sklearn',
      serving,
      gpu: null,
      environments: THREE_ENVIRONMENTS,
      monitoring: true,
      personas: [...PRESET_PERSONAS],
    },
  });
}
