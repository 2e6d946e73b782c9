/** How the factory's answers become a project's platform declaration (the source of ai-factory.config.ts). */
import type { Answers } from '@ai-factory/engine';
import { defaultAccess, type ConfigSource } from '@ai-factory/shared';

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
  };
}
