import { describe, expect, it } from 'vitest';
import { cpuMachineType } from './by-cloud.js';

describe('cpuMachineType', () => {
  it('picks the smallest general-purpose size that fits', () => {
    expect(cpuMachineType('azure', 4, 16)).toBe('Standard_D4s_v5');
    expect(cpuMachineType('aws', 2, 4)).toBe('ml.m5.large');
    expect(cpuMachineType('gcp', 4, 16)).toBe('n2-standard-4');
    expect(cpuMachineType('gcp', 5, 16)).toBe('n2-standard-8');
  });

  it('moves to the memory-optimised family rather than to more vCPUs', () => {
    expect(cpuMachineType('azure', 2, 16)).toBe('Standard_E2s_v5');
    expect(cpuMachineType('aws', 4, 32)).toBe('ml.r5.xlarge');
    expect(cpuMachineType('gcp', 8, 64)).toBe('n2-highmem-8');
  });

  it('fits the largest profile the declaration accepts (96 cores, 768 GiB) on every cloud', () => {
    expect(cpuMachineType('azure', 96, 768)).toBe('Standard_M128s');
    expect(cpuMachineType('aws', 96, 768)).toBe('ml.r5.24xlarge');
    expect(cpuMachineType('gcp', 96, 768)).toBe('n2-highmem-96');
  });

  it('refuses what no size holds', () => {
    expect(() => cpuMachineType('aws', 128, 16)).toThrow(/no CPU machine/);
  });
});
