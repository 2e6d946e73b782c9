/** The Azure adapter: Azure ML training, online endpoints and batch jobs; Azure RBAC custom roles; Azure VM sizes. */
import type { CloudAdapter } from '../adapter.js';
import { azureContract } from './contract.js';
import { azureCi } from './ci.js';
import { AZURE_GPUS } from './gpus.js';
import { AZURE_MACHINES } from './machines.js';
import { azureRbac } from './rbac.js';
import { azureTerraform } from './terraform.js';
import { azureWorkloads } from './workloads/index.js';

export const azure = {
  id: 'azure',
  ci: azureCi,
  workloads: azureWorkloads,
  contract: azureContract,
  terraform: azureTerraform,
  rbac: azureRbac,
  machines: AZURE_MACHINES,
  gpus: AZURE_GPUS,
  serviceMetrics: 'push',
} satisfies CloudAdapter;
