/**
 * The machine a compute profile runs on in a managed cloud's workload specs: the GPU catalog for GPU
 * profiles, and for CPU profiles the smallest general-purpose size of the cloud with at least the
 * declared vCPUs and memory (each cloud's sizes are in clouds/<cloud>/machines.ts).
 */
import type { Cloud } from '../declaration/common.js';
import type { ComputeProfile } from '../declaration/compute.js';
import { resolveGpu } from '../gpu/catalog.js';
import type { CpuProfile } from './runtime.js';

/** A CPU size a workload spec can name: published vCPUs and GiB. */
export interface CpuSize {
  name: string;
  cores: number;
  memoryGi: number;
}

export const size = (name: string, cores: number, memoryGi: number): CpuSize => ({ name, cores, memoryGi });

/** The smallest of `sizes` (smallest first) with the profile's vCPUs and memory; an error names the largest when none fits. */
export function smallestCpuSize(cloud: Cloud, sizes: readonly CpuSize[], profile: CpuProfile): string {
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

/** The machine of a compute profile on a managed cloud whose general-purpose sizes are `sizes`. */
export function machineFor(cloud: Cloud, sizes: readonly CpuSize[], profile: ComputeProfile): Machine {
  if (profile.kind === 'cpu') return { type: smallestCpuSize(cloud, sizes, profile), gpus: 0, gcpAccelerator: undefined };
  const placement = resolveGpu(profile.sku, profile.count, cloud);
  // defineProject has already rejected GPUs a cloud does not sell, so machineType is set here.
  return { type: placement.machineType!, gpus: profile.count, gcpAccelerator: placement.gcpAccelerator };
}
