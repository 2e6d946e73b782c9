/**
 * AWS's GPU instance types by GPU and GPUs per instance (EC2 names; SageMaker prefixes `ml.`). Only types
 * SageMaker both trains and serves on (vendor/sagemaker): it offers no 8-GPU T4 (g4dn.metal is EC2-only).
 */
import type { CloudGpus } from '../../gpu/models.js';

export const AWS_GPUS: CloudGpus = {
  machines: {
    t4: { 1: 'g4dn.2xlarge', 4: 'g4dn.12xlarge' },
    l4: { 1: 'g6.2xlarge', 4: 'g6.12xlarge', 8: 'g6.48xlarge' },
    a10: { 1: 'g5.2xlarge', 4: 'g5.12xlarge', 8: 'g5.48xlarge' },
    'a100-40gb': { 8: 'p4d.24xlarge' },
    'a100-80gb': { 8: 'p4de.24xlarge' },
    h100: { 8: 'p5.48xlarge' },
  },
  accelerators: {},
};
