/**
 * CPU machine sizes the Terraform provisions, for compute the declaration gives as cores and memory. The
 * smallest size (fewest vCPUs, then least memory) that fits is chosen, so a memory-heavy profile lands on
 * a memory-optimised family rather than on a larger general-purpose machine. Each cloud's sizes are in
 * clouds/<cloud>/machines.ts.
 */
import type { Cloud } from '../declaration/common.js';

/** A machine size: its name, vCPUs and GiB. */
export interface MachineSize {
  name: string;
  vcpus: number;
  memoryGi: number;
}

/** `prefix<n>suffix` for each vCPU count, memory = n × GiB per vCPU. */
export function family(prefix: string, suffix: string, gibPerVcpu: number, vcpus: readonly number[]): MachineSize[] {
  return vcpus.map((n) => ({ name: `${prefix}${n}${suffix}`, vcpus: n, memoryGi: n * gibPerVcpu }));
}

/** The smallest of a cloud's `sizes` with at least `cores` vCPUs and `memoryGi` GiB. */
export function smallestMachine(cloud: Cloud, sizes: readonly MachineSize[], cores: number, memoryGi: number): string {
  const fits = sizes.filter((size) => size.vcpus >= cores && size.memoryGi >= memoryGi).sort((a, b) => a.vcpus - b.vcpus || a.memoryGi - b.memoryGi);
  const chosen = fits[0];
  if (!chosen) throw new Error(`${cloud} has no CPU machine in the catalog with ${cores} vCPUs and ${memoryGi} GiB`);
  return chosen.name;
}
