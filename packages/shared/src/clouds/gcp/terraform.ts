/** GCP's part of an environment's tfvars, and GCP's label syntax (which Kubernetes labels build on). */
import type { CloudTerraform } from '../adapter.js';
import { servesOnline } from '../../workloads/runtime.js';

/** GCP labels: lowercase letters, digits, `_` and `-`, at most 63. */
export function gcpLabel(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').slice(0, 63);
}

export const gcpTerraform: CloudTerraform = {
  // Vertex AI jobs and deployments name their machines in the deploy/vertex specs, not in Terraform.
  values: (project) => ({ online_endpoint_enabled: servesOnline(project) }),
  tagValue: gcpLabel,
  billed: true,
};
