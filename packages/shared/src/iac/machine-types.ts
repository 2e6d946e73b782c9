/**
 * CPU machine sizes per cloud, for compute the declaration gives as cores and memory. The smallest size
 * (fewest vCPUs, then least memory) that fits is chosen, so a memory-heavy profile lands on a
 * memory-optimised family rather than on a larger general-purpose machine.
 */
import type { Cloud } from '../declaration/common.js';

interface MachineSize {
  name: string;
  vcpus: number;
  memoryGi: number;
}

type MachineCloud = Exclude<Cloud, 'kubernetes'>;

/** `prefix<n>suffix` for each vCPU count, memory = n × GiB per vCPU. */
function family(prefix: string, suffix: string, gibPerVcpu: number, vcpus: readonly number[]): MachineSize[] {
  return vcpus.map((n) => ({ name: `${prefix}${n}${suffix}`, vcpus: n, memoryGi: n * gibPerVcpu }));
}

/** SageMaker ml.m5 / ml.r5 sizes: large = 2 vCPUs, xlarge = 4, Nxlarge = 4N. */
function sagemakerFamily(kind: 'm5' | 'r5', gibPerVcpu: number): MachineSize[] {
  return ['large', 'xlarge', '2xlarge', '4xlarge', '12xlarge', '24xlarge'].map((size) => {
    const vcpus = awsVcpus(`ml.${kind}.${size}`);
    return { name: `ml.${kind}.${size}`, vcpus, memoryGi: vcpus * gibPerVcpu };
  });
}

const CPU_SIZES: Record<MachineCloud, readonly MachineSize[]> = {
  azure: [
    ...family('Standard_D', 's_v5', 4, [2, 4, 8, 16, 32, 48, 64, 96]),
    ...family('Standard_E', 's_v5', 8, [2, 4, 8, 16, 32, 48, 64]),
    { name: 'Standard_E96s_v5', vcpus: 96, memoryGi: 672 },
    { name: 'Standard_M128s', vcpus: 128, memoryGi: 2048 },
  ],
  aws: [...sagemakerFamily('m5', 4), ...sagemakerFamily('r5', 8)],
  gcp: [
    ...family('n2-standard-', '', 4, [2, 4, 8, 16, 32, 48, 64, 80, 96]),
    ...family('n2-highmem-', '', 8, [2, 4, 8, 16, 32, 48, 64, 80, 96]),
  ],
};

/**
 * The smallest CPU machine of a cloud with at least `cores` vCPUs and `memoryGi` GiB; AWS names are SageMaker's (`ml.`).
 * @example cpuMachineType('azure', 4, 16) // 'Standard_D4s_v5'
 */
export function cpuMachineType(cloud: MachineCloud, cores: number, memoryGi: number): string {
  const fits = CPU_SIZES[cloud]
    .filter((size) => size.vcpus >= cores && size.memoryGi >= memoryGi)
    .sort((a, b) => a.vcpus - b.vcpus || a.memoryGi - b.memoryGi);
  const chosen = fits[0];
  if (!chosen) throw new Error(`${cloud} has no CPU machine in the catalog with ${cores} vCPUs and ${memoryGi} GiB`);
  return chosen.name;
}

/** vCPUs of instance sizes without the `<n>xlarge` pattern. */
const AWS_METAL_VCPUS: Record<string, number> = { g4dn: 96 };

/**
 * vCPUs of an EC2 / SageMaker instance type (`ml.` optional), from its size: large 2, xlarge 4, Nxlarge 4N.
 * @example awsVcpus('ml.g5.12xlarge') // 48
 */
export function awsVcpus(instanceType: string): number {
  const [familyName, size] = instanceType.replace(/^ml\./, '').split('.');
  if (size === 'large') return 2;
  if (size === 'xlarge') return 4;
  const multiple = /^(\d+)xlarge$/.exec(size ?? '');
  if (multiple) return 4 * Number(multiple[1]);
  const metal = size === 'metal' && familyName ? AWS_METAL_VCPUS[familyName] : undefined;
  if (metal) return metal;
  throw new Error(`unknown vCPU count of AWS instance type "${instanceType}"`);
}
