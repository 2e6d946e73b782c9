import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'iac/gcp-terraform',
  version: '1.2.0',
  summary: 'GCP platform in Terraform: enabled APIs, GCS bucket, Artifact Registry, a Vertex AI service account and endpoint, and a billing budget.',
  description:
    'Template-owned Terraform root module in infra/. Environment-specific values come from the managed infra/environments/<env>.tfvars that the declaration synthesises. The deployment pipeline plans and applies it against the remote state that infra/bootstrap/ creates, with the CI identities and OIDC trust it provisions (applied once per environment by an administrator).',
  provides: ['cloud:gcp'],
  when: { cloud: ['gcp'] },
  files: [{ include: '**', owner: 'template' }],
});
