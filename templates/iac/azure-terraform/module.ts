import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'iac/azure-terraform',
  version: '1.1.0',
  summary: 'Azure in Terraform: Azure ML workspace and dependencies, scale-to-zero training cluster, managed online endpoint, cost budget.',
  description:
    'Template-owned Terraform root module in infra/. Environment-specific values come from the managed infra/environments/<env>.tfvars that the declaration synthesises; apply with terraform apply -var-file=environments/<env>.tfvars.',
  provides: ['cloud:azure'],
  when: { cloud: ['azure'] },
  files: [{ include: '**', owner: 'template' }],
});
