/** Azure's GPU VM sizes (NC/ND/NV families) by GPU and GPUs per VM. */
import type { CloudGpus } from '../../gpu/models.js';

export const AZURE_GPUS: CloudGpus = {
  machines: {
    t4: { 1: 'Standard_NC8as_T4_v3', 4: 'Standard_NC64as_T4_v3' },
    l4: {},
    a10: { 1: 'Standard_NV36ads_A10_v5', 2: 'Standard_NV72ads_A10_v5' },
    'a100-40gb': { 8: 'Standard_ND96asr_v4' },
    'a100-80gb': { 1: 'Standard_NC24ads_A100_v4', 2: 'Standard_NC48ads_A100_v4', 4: 'Standard_NC96ads_A100_v4', 8: 'Standard_ND96amsr_A100_v4' },
    h100: { 1: 'Standard_NC40ads_H100_v5', 2: 'Standard_NC80adis_H100_v5', 8: 'Standard_ND96isr_H100_v5' },
  },
  accelerators: {},
};
