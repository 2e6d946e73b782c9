/**
 * SageMaker's contract with the containers. Training: each input channel is downloaded to
 * /opt/ml/input/data/<channel>/ (the S3 prefix's objects, under their names relative to it), and
 * /opt/ml/model is packed into model.tar.gz at the job's output path when the job ends. Serving: the
 * endpoint starts the image as `<image> serve` and calls GET /ping and POST /invocations on port 8080,
 * with the model package's model.tar.gz unpacked into /opt/ml/model.
 */
import type { PlatformContract } from '../../workloads/contract.js';
import { s3Uri } from './workloads/common.js';

/** Root of SageMaker's directory layout in the container. */
export const SAGEMAKER_ROOT = '/opt/ml';

/** The channel the declared training data is handed to the job in. */
export const TRAINING_CHANNEL = 'training';

/** The folder SageMaker uploads at the end of the job (and unpacks for an endpoint). */
export const SAGEMAKER_MODEL_DIR = `${SAGEMAKER_ROOT}/model`;

export const awsContract: PlatformContract = {
  training: {
    defaultDataUri: (project) => s3Uri(project, 'data/'),
    dataPath: () => `${SAGEMAKER_ROOT}/input/data/${TRAINING_CHANNEL}`,
    // Inside the folder SageMaker uploads: the gate finds runs/ in model.tar.gz.
    runsDir: () => `${SAGEMAKER_MODEL_DIR}/runs`,
  },
  serving: {
    args: ['serve'],
    port: 8080,
    routes: { health: '/ping', predict: '/invocations' },
    environment: {},
  },
};
