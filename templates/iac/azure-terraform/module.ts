import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'iac/azure-terraform',
  version: '1.2.0',
  summary: 'Azure in Terraform: Azure ML workspace and dependencies, scale-to-zero training cluster, managed online endpoint, cost budget.',
  description:
    'Template-owned Terraform root module in infra/. Environment-specific values come from the managed infra/environments/<env>.tfvars that the declaration synthesises. The deployment pipeline plans and applies it against the remote state that infra/bootstrap/ creates, with the CI identities and OIDC trust it provisions (applied once per environment by an administrator).',
  provides: ['cloud:azure'],
  when: { cloud: ['azure'] },
  files: [{ include: '**', owner: 'template' }],
});
