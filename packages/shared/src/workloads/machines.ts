/**
 * The machine a compute profile runs on in each managed cloud: the GPU catalog for GPU profiles, and for
 * CPU profiles the smallest general-purpose size with at least the declared vCPUs and memory.
 * CPU families: AWS M5, Azure Dasv4, GCP N2 standard (published sizes, vCPUs / GiB).
 */
import type { Cloud } from '../declaration/common.js';
import type { ComputeProfile } from '../declaration/compute.js';
import { resolveGpu } from '../gpu/catalog.js';
import type { CpuProfile } from './runtime.js';

type ManagedCloud = Exclude<Cloud, 'kubernetes'>;

interface CpuSize {
  name: string;
  cores: number;
  memoryGi: number;
}

const size = (name: string, cores: number, memoryGi: number): CpuSize => ({ name, cores, memoryGi });

/** General-purpose sizes, smallest first. */
export const CPU_SIZES: Record<ManagedCloud, readonly CpuSize[]> = {
  aws: [size('m5.large', 2, 8), size('m5.xlarge', 4, 16), size('m5.2xlarge', 8, 32), size('m5.4xlarge', 16, 64), size('m5.12xlarge', 48, 192), size('m5.24xlarge', 96, 384)],
  azure: [
    size('Standard_D2as_v4', 2, 8),
    size('Standard_D4as_v4', 4, 16),
    size('Standard_D8as_v4', 8, 32),
    size('Standard_D16as_v4', 16, 64),
    size('Standard_D32as_v4', 32, 128),
    size('Standard_D48as_v4', 48, 192),
    size('Standard_D64as_v4', 64, 256),
    size('Standard_D96as_v4', 96, 384),
  ],
  gcp: [
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
};

/** The smallest size with the profile's vCPUs and memory; an error names the largest when none fits. */
export function cpuSize(cloud: ManagedCloud, profile: CpuProfile): string {
  const sizes = CPU_SIZES[cloud];
  const fit = sizes.find((s) => s.cores >= profile.vcpus && s.memoryGi >= profile.memoryGi);
  if (fit) return fit.name;
  const largest = sizes.at(-1)!;
  throw new Error(`${cloud} has no general-purpose size with ${profile.vcpus} vCPUs and ${profile.memoryGi} GiB; the largest is ${largest.name} (${largest.cores} vCPUs, ${largest.memoryGi} GiB)`);
}

/** What a cloud's API calls the machine of a profile (AWS without the SageMaker `ml.` prefix). */
export interface Machine {
  type: string;
  /** GPUs per machine, 0 for CPU. */
  gpus: number;
  /** GCP accelerator type in the catalog's (gcloud) spelling, for GPU machines on GCP. */
  gcpAccelerator: string | undefined;
}

/** The machine of a compute profile on a managed cloud. */
export function machineFor(cloud: ManagedCloud, profile: ComputeProfile): Machine {
  if (profile.kind === 'cpu') return { type: cpuSize(cloud, profile), gpus: 0, gcpAccelerator: undefined };
  const placement = resolveGpu(profile.sku, profile.count, cloud);
  // defineProject has already rejected GPUs a cloud does not sell, so machineType is set here.
  return { type: placement.machineType!, gpus: profile.count, gcpAccelerator: placement.gcpAccelerator };
}

/** SageMaker instance type: the EC2 type with the `ml.` prefix. */
export const sagemakerInstanceType = (profile: ComputeProfile): string => `ml.${machineFor('aws', profile).type}`;

/** Vertex AI's AcceleratorType enum value for a gcloud accelerator name: nvidia-tesla-t4 → NVIDIA_TESLA_T4. */
export const vertexAcceleratorType = (gcpAccelerator: string): string => gcpAccelerator.toUpperCase().replace(/-/g, '_');
