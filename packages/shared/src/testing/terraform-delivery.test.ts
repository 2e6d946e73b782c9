import { describe, expect, it } from 'vitest';
import { terraformDeliveryProblems } from './terraform-delivery.js';

const VARIABLES = `
variable "gcp_project_id" {
  type        = string
  description = "Set by CI as TF_VAR_gcp_project_id."
}
variable "region" {
  type        = string
  description = "Region."
}`;

const BOOTSTRAP = `
output "ci_variables" {
  description = "CI variables."
  value = {
    GCP_PROJECT     = var.gcp_project_id
    TF_STATE_BUCKET = google_storage_bucket.state.name
  }
}`;

/** A project as main generated it: no backend, a bare init, a required variable documented as TF_VAR_ that nothing sets. */
const before = new Map([
  ['infra/versions.tf', 'terraform {\n  required_version = ">= 1.6.0"\n}\n'],
  ['infra/variables.tf', VARIABLES],
  ['infra/environments/dev.tfvars', 'region = "europe-west4"\n'],
  ['.github/workflows/deploy.yml', 'run: |\n  terraform -chdir=infra init -input=false\n  terraform -chdir=infra apply -input=false -auto-approve -var-file=environments/dev.tfvars\n'],
]);

const after = new Map([
  ['infra/versions.tf', 'terraform {\n  required_version = ">= 1.6.0"\n  backend "gcs" {}\n}\n'],
  ['infra/variables.tf', VARIABLES],
  ['infra/environments/dev.tfvars', 'region = "europe-west4"\n'],
  ['infra/bootstrap/outputs.tf', BOOTSTRAP],
  [
    '.github/workflows/deploy.yml',
    'run: |\n  export TF_VAR_gcp_project_id="$GCP_PROJECT"\n  terraform -chdir=infra init -input=false -backend-config="bucket=$TF_STATE_BUCKET" -backend-config="prefix=p/dev"\n  terraform -chdir=infra plan -input=false -lock=false -var-file=environments/dev.tfvars -out=deploy.tfplan\n',
  ],
]);

describe('terraformDeliveryProblems', () => {
  it('finds the defects of a project without state, variables or identities', async () => {
    expect(await terraformDeliveryProblems(before, ['GCP_SERVICE_ACCOUNT'])).toEqual([
      'infra/ declares no backend: every pipeline run starts from an empty state',
      'terraform init -input=false: passes no -backend-config, so the state has no place',
      'infra/environments/dev.tfvars: required variable "gcp_project_id" is set neither here nor by any pipeline (export TF_VAR_gcp_project_id)',
      'CI variable GCP_SERVICE_ACCOUNT, read by the cloud login, is provisioned by no Terraform (no ci_variables output of infra/bootstrap/outputs.tf names it)',
    ]);
  });

  it('passes a backend configured at init, a variable exported from CI and variables the bootstrap provisions', async () => {
    expect(await terraformDeliveryProblems(after, ['GCP_PROJECT'])).toEqual([]);
  });

  it('reports a CI variable the backend configuration reads that no bootstrap provisions', async () => {
    const files = new Map(after);
    files.set('infra/bootstrap/outputs.tf', BOOTSTRAP.replace(/ {4}TF_STATE_BUCKET.*\n/, ''));
    expect(await terraformDeliveryProblems(files, [])).toEqual([
      'CI variable TF_STATE_BUCKET, read by the backend configuration, is provisioned by no Terraform (no ci_variables output of infra/bootstrap/outputs.tf names it)',
    ]);
  });
});
