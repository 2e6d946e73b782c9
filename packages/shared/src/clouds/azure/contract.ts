/**
 * Azure ML's contract with the containers. Training: a command job's inputs and outputs are mounted and
 * their paths bound into the command (`${{inputs.<name>}}`, `${{outputs.<name>}}`); the `runs` output is
 * uploaded to the default datastore and downloaded by the gate. Serving: a managed online deployment of
 * a custom container calls the routes of its inference_config and mounts the registered model under
 * AZUREML_MODEL_DIR, the registered folder one level down.
 */
import { HEALTH_PATH, PREDICT_PATH, SERVICE_PORT } from '../../workloads/runtime.js';
import type { PlatformContract } from '../../workloads/contract.js';
import { DEFAULT_DATASTORE } from './workloads/common.js';

/** The training job's input that holds the declared data. */
export const TRAINING_INPUT = 'training_data';

export const azureContract: PlatformContract = {
  training: {
    defaultDataUri: (project) => `azureml://datastores/${DEFAULT_DATASTORE}/paths/${project.name}/data/`,
    dataPath: () => `\${{inputs.${TRAINING_INPUT}}}`,
    runsDir: () => '${{outputs.runs}}',
  },
  serving: {
    args: undefined,
    port: SERVICE_PORT,
    routes: { health: HEALTH_PATH, predict: PREDICT_PATH },
    environment: { AZUREML_MODEL_DIR: '/var/azureml-app/azureml-models/model/1' },
  },
};
