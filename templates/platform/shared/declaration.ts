/** How the factory's answers become a project's platform declaration (the source of ai-factory.config.ts). */
import type { Answers } from '@ai-factory/engine';
import { defaultAccess, type ConfigSource } from '@ai-factory/shared';

/** The limitation every new project declares: until the team replaces it, the data is the synthetic sample. */
export const SAMPLE_DATA_LIMITATION = 'Trained and evaluated on the synthetic sample in data/sample.csv: it says nothing about real customers.';

export function configFromAnswers(answers: Answers): ConfigSource {
  const production = answers.environments.at(-1);
  return {
    name: answers.name,
    description: answers.description,
    team: answers.team,
    cloud: answers.cloud,
    cicd: answers.cicd,
    framework: answers.framework,
    // Production is the last environment and always gated by a person, whatever it is called.
    environments: answers.environments.map((name) => ({ name, ...(name === production && name !== 'prod' ? { options: { approval: true } } : {}) })),
    training: answers.gpu ? { accelerator: answers.gpu.sku, options: { count: answers.gpu.count } } : { cpu: {} },
    serving: { mode: answers.serving },
    ...(answers.monitoring ? {} : { monitoring: false }),
    // Written out in full so the team sees, and can tighten, who may do what where.
    access: defaultAccess(answers.personas, answers.environments),
    // What every model card states; the team replaces both with the use case's own words.
    modelCard: { intendedUse: answers.description, limitations: [SAMPLE_DATA_LIMITATION] },
  };
}
