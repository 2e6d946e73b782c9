import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'core/project',
  version: '1.1.0',
  summary: 'Project basics: README for the team, .gitignore, .editorconfig and a Backstage catalog entry.',
  description:
    'Every project starts from this module. The README tells the team how to train, evaluate, serve and test; ' +
    '`catalog-info.yaml` registers the project, its owner and description in the software catalog.',
  files: [{ include: '**', owner: 'template' }],
});
