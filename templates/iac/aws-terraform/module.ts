import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'iac/aws-terraform',
  version: '1.1.0',
  summary: 'AWS in Terraform: encrypted S3 bucket, ECR, least-privilege SageMaker role, autoscaled SageMaker endpoint, cost budget.',
  description:
    'Template-owned Terraform root module in infra/. Environment-specific values come from the managed infra/environments/<env>.tfvars that the declaration synthesises; apply with terraform apply -var-file=environments/<env>.tfvars.',
  provides: ['cloud:aws'],
  when: { cloud: ['aws'] },
  files: [{ include: '**', owner: 'template' }],
});
