/**
 * GCP's CPU machine types: the N2 standard family the workload specs run on, and the N2 standard and
 * highmem (memory-optimised) families the Terraform provisions.
 */
import type { CloudMachines } from '../adapter.js';
import { family } from '../../iac/machine-types.js';
import { size } from '../../workloads/machines.js';

export const GCP_MACHINES: CloudMachines = {
  cpuSizes: [
    size('n2-standard-2', 2, 8),
    size('n2-standard-4', 4, 16),
    size('n2-standard-8', 8, 32),
    size('n2-standard-16', 16, 64),
    size('n2-standard-32', 32, 128),
    size('n2-standard-48', 48, 192),
    size('n2-standard-64', 64, 256),
    size('n2-standard-80', 80, 320),
    size('n2-standard-96', 96, 384),
  ],
  terraformCpuSizes: [...family('n2-standard-', '', 4, [2, 4, 8, 16, 32, 48, 64, 80, 96]), ...family('n2-highmem-', '', 8, [2, 4, 8, 16, 32, 48, 64, 80, 96])],
};
