import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'iac/terraform-common',
  version: '1.1.0',
  summary: 'The Terraform variables every cloud module and its bootstrap share: project, environment, team, tags and the CI token subjects.',
  description:
    'Overlaid on the cloud\'s own Terraform in infra/, so the variables every environment file sets have one ' +
    'definition and one validation, whichever cloud the project runs on.',
  files: [{ include: '**', owner: 'template' }],
});
