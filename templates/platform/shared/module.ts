import { defineModule } from '@ai-factory/engine';
import { buildProject, CONFIG_FILE, printConfig, synthesize } from '@ai-factory/shared';
import { configFromAnswers } from './declaration.js';
import { sharedPackage } from './shared-package.js';

/** The TypeScript the project typechecks its config with; the same 6.x pin as the factory (7.x has no JS API). */
export const PROJECT_TYPESCRIPT = '6.0.3';

const shared = sharedPackage();

export default defineModule({
  id: 'platform/shared',
  // The @ai-factory/shared release the project is written against: upgrades pick codemods by it.
  version: shared.version,
  summary: 'The platform declaration (ai-factory.config.ts) and everything synthesized from it: CI/CD, IaC values, workloads, dashboards, alerts, RBAC.',
  description:
    'The project declares its platform in TypeScript against @ai-factory/shared; `npm run synth` writes the managed ' +
    'files and `npm run synth -- --check` fails when one is stale or was edited by hand. The config and package.json ' +
    'are the team\'s to edit; the synthesized files are managed.',
  files: [{ include: '**', owner: 'template' }],
  generate: ({ answers }) => {
    const source = configFromAnswers(answers);
    const packageJson = {
      name: answers.name,
      version: '0.1.0',
      private: true,
      type: 'module',
      description: answers.description,
      scripts: { synth: 'ai-factory-synth', typecheck: 'tsc --noEmit' },
      devDependencies: { '@ai-factory/shared': shared.dependency, typescript: PROJECT_TYPESCRIPT },
    };
    return [
      { path: CONFIG_FILE, content: printConfig(source), owner: 'template' },
      { path: 'package.json', content: `${JSON.stringify(packageJson, null, 2)}\n`, owner: 'template' },
      ...(shared.vendored ? [{ path: shared.vendored.path, content: shared.vendored.read(), owner: 'template' as const }] : []),
      ...synthesize(buildProject(source)).map((artifact) => ({ ...artifact, owner: 'managed' as const })),
    ];
  },
});
