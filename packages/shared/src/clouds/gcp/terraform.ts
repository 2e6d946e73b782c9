/** GCP's part of an environment's tfvars, and GCP's label syntax (which Kubernetes labels build on). */
import type { CloudTerraform } from '../adapter.js';
import type { Environment } from '../../declaration/environment.js';
import type { ProjectDeclaration } from '../../declaration/project.js';
import { ciIdentityNames } from '../../iac/ci-identities.js';
import { servesOnline } from '../../workloads/runtime.js';

/** GCP labels: lowercase letters, digits, `_` and `-`, at most 63. */
export function gcpLabel(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').slice(0, 63);
}

/** Service account ids: 6 to 30 characters. */
const identities = (project: ProjectDeclaration, environment: Environment) => ciIdentityNames(project, environment, { maxLength: 30 });

export const gcpTerraform: CloudTerraform = {
  backend: {
    type: 'gcs',
    variables: ['TF_STATE_BUCKET'],
    config: (project, environment) => ({ bucket: '$TF_STATE_BUCKET', prefix: `${project.name}/${environment.name}` }),
  },
  // The project and billing account are the organisation's: the same CI variables the jobs log in with.
  ciVariables: { gcp_project_id: 'GCP_PROJECT', billing_account: 'GCP_BILLING_ACCOUNT' },
  bootstrapValues: (project, environment) => {
    const names = identities(project, environment);
    return { pipeline_identity_name: names.pipeline, deployer_identity_name: names.deployer };
  },
  // Vertex AI jobs and deployments name their machines in the deploy/vertex specs, not in Terraform.
  values: (project, environment) => ({ ci_pipeline_identity: identities(project, environment).pipeline, online_endpoint_enabled: servesOnline(project) }),
  tagValue: gcpLabel,
  billed: true,
};
