/**
 * Azure's CPU VM sizes: the general-purpose Dasv4 family the workload specs run on, and the Dsv5 /
 * Esv5 (memory-optimised) families and M128s the Terraform provisions.
 */
import type { CloudMachines } from '../adapter.js';
import { family } from '../../iac/machine-types.js';
import { size } from '../../workloads/machines.js';

export const AZURE_MACHINES: CloudMachines = {
  cpuSizes: [
    size('Standard_D2as_v4', 2, 8),
    size('Standard_D4as_v4', 4, 16),
    size('Standard_D8as_v4', 8, 32),
    size('Standard_D16as_v4', 16, 64),
    size('Standard_D32as_v4', 32, 128),
    size('Standard_D48as_v4', 48, 192),
    size('Standard_D64as_v4', 64, 256),
    size('Standard_D96as_v4', 96, 384),
  ],
  terraformCpuSizes: [
    ...family('Standard_D', 's_v5', 4, [2, 4, 8, 16, 32, 48, 64, 96]),
    ...family('Standard_E', 's_v5', 8, [2, 4, 8, 16, 32, 48, 64]),
    { name: 'Standard_E96s_v5', vcpus: 96, memoryGi: 672 },
    { name: 'Standard_M128s', vcpus: 128, memoryGi: 2048 },
  ],
};
