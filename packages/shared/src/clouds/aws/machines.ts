/**
 * AWS's CPU instance types: the general-purpose M5 family the workload specs run on (EC2 names), and the
 * SageMaker ml.m5 / ml.r5 (memory-optimised) sizes the Terraform provisions; and reading vCPUs off a size.
 */
import type { CloudMachines } from '../adapter.js';
import type { MachineSize } from '../../iac/machine-types.js';
import { size } from '../../workloads/machines.js';

/**
 * vCPUs of an EC2 / SageMaker instance type (`ml.` optional), from its size: large 2, xlarge 4, Nxlarge 4N.
 * @example awsVcpus('ml.g5.12xlarge') // 48
 */
export function awsVcpus(instanceType: string): number {
  const sizeName = instanceType.replace(/^ml\./, '').split('.')[1];
  if (sizeName === 'large') return 2;
  if (sizeName === 'xlarge') return 4;
  const multiple = /^(\d+)xlarge$/.exec(sizeName ?? '');
  if (multiple) return 4 * Number(multiple[1]);
  throw new Error(`unknown vCPU count of AWS instance type "${instanceType}"`);
}

/** SageMaker ml.m5 / ml.r5 sizes: large = 2 vCPUs, xlarge = 4, Nxlarge = 4N. */
function sagemakerFamily(kind: 'm5' | 'r5', gibPerVcpu: number): MachineSize[] {
  return ['large', 'xlarge', '2xlarge', '4xlarge', '12xlarge', '24xlarge'].map((name) => {
    const vcpus = awsVcpus(`ml.${kind}.${name}`);
    return { name: `ml.${kind}.${name}`, vcpus, memoryGi: vcpus * gibPerVcpu };
  });
}

export const AWS_MACHINES: CloudMachines = {
  cpuSizes: [size('m5.large', 2, 8), size('m5.xlarge', 4, 16), size('m5.2xlarge', 8, 32), size('m5.4xlarge', 16, 64), size('m5.12xlarge', 48, 192), size('m5.24xlarge', 96, 384)],
  terraformCpuSizes: [...sagemakerFamily('m5', 4), ...sagemakerFamily('r5', 8)],
};
