/**
 * Vertex AI's contract with the containers. Training: Cloud Storage is mounted at /gcs (`gs://<bucket>/<path>`
 * is `/gcs/<bucket>/<path>`), so the job reads its data and writes its runs there; AIP_MODEL_DIR
 * (`<baseOutputDirectory>/model/`) is left alone, the runs go to `<baseOutputDirectory>/runs/`, where the gate
 * fetches them. Serving: a custom container is started with its own command and told its port and routes
 * in AIP_HTTP_PORT, AIP_HEALTH_ROUTE and AIP_PREDICT_ROUTE (from the model's upload), and gets
 * `{"instances": [...]}` on the predict route.
 */
import { SERVICE_PORT, HEALTH_PATH } from '../../workloads/runtime.js';
import type { PlatformContract } from '../../workloads/contract.js';
import { gcsFusePath, placeholder } from './workloads/common.js';

/** Vertex AI's predict route of the serve image: apart from /predict, which takes the service's own request. */
export const VERTEX_PREDICT_ROUTE = '/vertex/predict';

/** `gs://<bucket>/<path>` as the job sees it through Cloud Storage FUSE. */
export const gcsMountPath = (uri: string): string => uri.replace(/^gs:\/\//, '/gcs/');

/** The runs folder, under the job's baseOutputDirectory. */
export const TRAINING_RUNS = 'runs';

/** The folder of this run's job outputs under the project's prefix (the job's baseOutputDirectory). */
export const trainingOutput = (): string => `training/${placeholder('RUN_ID')}`;

export const gcpContract: PlatformContract = {
  training: {
    defaultDataUri: (project) => `gs://${placeholder('ARTIFACT_BUCKET')}/${project.name}/data/`,
    dataPath: (_project, uri) => gcsMountPath(uri),
    runsDir: (project) => gcsFusePath(project, `${trainingOutput()}/${TRAINING_RUNS}`),
  },
  serving: {
    args: undefined,
    port: SERVICE_PORT,
    routes: { health: HEALTH_PATH, predict: VERTEX_PREDICT_ROUTE },
    // The model is the release the serve image carries (AIP_STORAGE_URI holds the same files in Cloud Storage).
    environment: { AIP_HTTP_PORT: String(SERVICE_PORT), AIP_HEALTH_ROUTE: HEALTH_PATH, AIP_PREDICT_ROUTE: VERTEX_PREDICT_ROUTE },
  },
};
