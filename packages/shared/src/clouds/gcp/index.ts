/** The GCP adapter: Vertex AI custom jobs, endpoints and batch predictions; custom IAM roles; GCP machine types. */
import type { CloudAdapter } from '../adapter.js';
import { gcpContract } from './contract.js';
import { gcpCi } from './ci.js';
import { GCP_GPUS } from './gpus.js';
import { GCP_MACHINES } from './machines.js';
import { gcpRbac } from './rbac.js';
import { gcpTerraform } from './terraform.js';
import { gcpWorkloads } from './workloads/index.js';

export const gcp = {
  id: 'gcp',
  ci: gcpCi,
  workloads: gcpWorkloads,
  contract: gcpContract,
  terraform: gcpTerraform,
  rbac: gcpRbac,
  machines: GCP_MACHINES,
  gpus: GCP_GPUS,
  serviceMetrics: 'push',
} satisfies CloudAdapter;
