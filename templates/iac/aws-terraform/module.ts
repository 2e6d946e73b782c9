import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'iac/aws-terraform',
  version: '1.3.0',
  summary: 'AWS in Terraform: encrypted S3 bucket, ECR, least-privilege SageMaker role, autoscaled SageMaker endpoint, cost budget.',
  description:
    'Template-owned Terraform root module in infra/. Environment-specific values come from the managed infra/environments/<env>.tfvars that the declaration synthesises. The deployment pipeline plans and applies it against the remote state that infra/bootstrap/ creates, with the CI identities and OIDC trust it provisions (applied once per environment by an administrator).',
  provides: ['cloud:aws'],
  when: { cloud: ['aws'] },
  files: [{ include: '**', owner: 'template' }],
});
