/** GCP's accelerator types, and the machine types (N1, G2, A2, A3) by GPU and GPUs per machine. */
import type { CloudGpus } from '../../gpu/models.js';

export const GCP_GPUS: CloudGpus = {
  machines: {
    t4: { 1: 'n1-standard-8', 2: 'n1-standard-16', 4: 'n1-standard-32' },
    l4: { 1: 'g2-standard-8', 2: 'g2-standard-24', 4: 'g2-standard-48', 8: 'g2-standard-96' },
    a10: {},
    'a100-40gb': { 1: 'a2-highgpu-1g', 2: 'a2-highgpu-2g', 4: 'a2-highgpu-4g', 8: 'a2-highgpu-8g' },
    'a100-80gb': { 1: 'a2-ultragpu-1g', 2: 'a2-ultragpu-2g', 4: 'a2-ultragpu-4g', 8: 'a2-ultragpu-8g' },
    h100: { 8: 'a3-highgpu-8g' },
  },
  accelerators: { t4: 'nvidia-tesla-t4', l4: 'nvidia-l4', 'a100-40gb': 'nvidia-tesla-a100', 'a100-80gb': 'nvidia-a100-80gb', h100: 'nvidia-h100-80gb' },
};
