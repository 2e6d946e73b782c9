import { describe, expect, it } from 'vitest';
import { awsVcpus } from './machines.js';

describe('awsVcpus', () => {
  it('reads the vCPU count from the size', () => {
    expect(awsVcpus('ml.m5.large')).toBe(2);
    expect(awsVcpus('ml.m5.xlarge')).toBe(4);
    expect(awsVcpus('ml.g5.12xlarge')).toBe(48);
    expect(awsVcpus('p5.48xlarge')).toBe(192);
  });

  it('refuses a size it cannot read', () => {
    expect(() => awsVcpus('ml.g4dn.metal')).toThrow(/unknown vCPU count/);
    expect(() => awsVcpus('ml.t3.medium')).toThrow(/unknown vCPU count/);
  });
});
