/**
 * A cluster's GPUs: the factory chooses no machine, it places pods by the `nvidia.com/gpu.product` label
 * (gpu/models.ts) on whatever nodes the cluster has, with any count a node holds.
 */
import type { CloudGpus } from '../../gpu/models.js';

export const KUBERNETES_GPUS: CloudGpus = { machines: undefined, accelerators: {} };
