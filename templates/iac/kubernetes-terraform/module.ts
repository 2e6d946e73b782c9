import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'iac/kubernetes-terraform',
  version: '1.2.0',
  summary: 'Kubernetes platform in Terraform: namespace, resource quota (CPU, memory, GPU) as the budget, limit range, Roles bound to personas and the CI OIDC user.',
  description:
    'Template-owned Terraform root module in infra/. Environment-specific values come from the managed infra/environments/<env>.tfvars that the declaration synthesises; apply with terraform apply -var-file=environments/<env>.tfvars.',
  provides: ['cloud:kubernetes'],
  when: { cloud: ['kubernetes'] },
  files: [{ include: '**', owner: 'template' }],
});
