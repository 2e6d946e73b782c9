import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'iac/kubernetes-terraform',
  version: '1.3.0',
  summary: 'Kubernetes platform in Terraform: namespace, resource quota (CPU, memory, GPU) as the budget, limit range, Roles bound to personas and the CI OIDC user.',
  description:
    'Template-owned Terraform root module in infra/. Environment-specific values come from the managed infra/environments/<env>.tfvars that the declaration synthesises. The deployment pipeline plans and applies it against the remote state that infra/bootstrap/ creates, with the CI identities and OIDC trust it provisions (applied once per environment by an administrator).',
  provides: ['cloud:kubernetes'],
  when: { cloud: ['kubernetes'] },
  files: [{ include: '**', owner: 'template' }],
});
