/**
 * The cluster's contract with the containers, which the project's own manifests set: training reads
 * its data from and writes its runs to the project's data volume (`pvc://<project>-data/<path>` is
 * `/data/<path>` in the pod), PyTorch on GPUs under torchrun; serving runs the service command, probed
 * on its health route.
 */
import { HEALTH_PATH, PREDICT_PATH, SERVICE_PORT } from '../../workloads/runtime.js';
import type { PlatformContract } from '../../workloads/contract.js';
import { DATA_MOUNT_PATH, DATA_PATHS, dataClaimName } from './workloads/storage.js';

export const kubernetesContract: PlatformContract = {
  training: {
    defaultDataUri: (project) => `pvc://${dataClaimName(project)}/train/`,
    // The declaration only accepts the project's own volume (declaration/data.ts).
    dataPath: (project, uri) => `${DATA_MOUNT_PATH}/${uri.slice(`pvc://${dataClaimName(project)}/`.length)}`,
    runsDir: () => DATA_PATHS.runs,
  },
  serving: {
    args: undefined,
    port: SERVICE_PORT,
    routes: { health: HEALTH_PATH, predict: PREDICT_PATH },
    environment: {},
  },
};
