/**
 * JSON Schemas of the Vertex AI specs we emit, written from the Vertex AI REST reference (v1):
 * CustomJobSpec / WorkerPoolSpec / MachineSpec / ContainerSpec, DeployModelRequest / DeployedModel /
 * DedicatedResources. The API rejects unknown fields,
 * so objects are closed. Worker pool 0 is the primary replica and must have replicaCount 1.
 */
import { array, integer, object, oneOfValues, string, type Schema } from './builders.js';

const ACCELERATORS = [
  'NVIDIA_TESLA_K80', 'NVIDIA_TESLA_P100', 'NVIDIA_TESLA_V100', 'NVIDIA_TESLA_P4', 'NVIDIA_TESLA_T4', 'NVIDIA_TESLA_A100',
  'NVIDIA_A100_80GB', 'NVIDIA_L4', 'NVIDIA_H100_80GB', 'NVIDIA_H100_MEGA_80GB', 'NVIDIA_H200_141GB', 'NVIDIA_B200',
  'TPU_V2', 'TPU_V3', 'TPU_V4_POD', 'TPU_V5_LITEPOD',
];
const GCS_URI = string({ pattern: '^gs://[^/]+/' });

const machineSpec: Schema = {
  ...object({ machineType: string({ minLength: 1 }), acceleratorType: oneOfValues(...ACCELERATORS), acceleratorCount: integer(1), tpuTopology: string() }, ['machineType']),
  // An accelerator type needs its count and the other way round.
  dependencies: { acceleratorType: ['acceleratorCount'], acceleratorCount: ['acceleratorType'] },
};

const containerSpec: Schema = object(
  { imageUri: string({ minLength: 1 }), command: array(string()), args: array(string()), env: array(object({ name: string({ minLength: 1 }), value: string() }, ['name', 'value'])) },
  ['imageUri'],
);

const workerPool = (replicaCount: Schema): Schema =>
  object(
    {
      machineSpec,
      replicaCount,
      diskSpec: object({ bootDiskType: oneOfValues('pd-ssd', 'pd-standard', 'hyperdisk-balanced'), bootDiskSizeGb: integer(100, 64000) }),
      containerSpec,
      pythonPackageSpec: { type: 'object' },
      nfsMounts: { type: 'array' },
    },
    ['machineSpec', 'replicaCount'],
  );

export const CUSTOM_JOB_SPEC_SCHEMA: Schema = object(
  {
    workerPoolSpecs: { type: 'array', minItems: 1, maxItems: 4, items: [workerPool({ const: 1 })], additionalItems: workerPool(integer(0)) },
    baseOutputDirectory: object({ outputUriPrefix: GCS_URI }, ['outputUriPrefix']),
    scheduling: object({ timeout: string({ pattern: '^[0-9]+(\\.[0-9]{1,9})?s$' }), restartJobOnWorkerRestart: { type: 'boolean' }, strategy: string() }),
    serviceAccount: string(),
    network: string(),
    reservedIpRanges: array(string()),
    enableWebAccess: { type: 'boolean' },
    enableDashboardAccess: { type: 'boolean' },
    tensorboard: string(),
    experiment: string(),
    persistentResourceId: string(),
  },
  ['workerPoolSpecs'],
);

const dedicatedResources: Schema = object(
  {
    machineSpec,
    minReplicaCount: integer(1),
    maxReplicaCount: integer(1),
    autoscalingMetricSpecs: array(object({ metricName: string({ minLength: 1 }), target: integer(1, 100) }, ['metricName'])),
  },
  ['machineSpec', 'minReplicaCount'],
);

export const DEPLOY_MODEL_REQUEST_SCHEMA: Schema = object(
  {
    deployedModel: object(
      {
        model: string({ pattern: '^projects/[^/]+/locations/[^/]+/models/[^/]+$' }),
        displayName: string({ maxLength: 128 }),
        dedicatedResources,
        automaticResources: { type: 'object' },
        disableContainerLogging: { type: 'boolean' },
        enableAccessLogging: { type: 'boolean' },
        serviceAccount: string(),
      },
      ['model'],
    ),
    trafficSplit: { type: 'object', additionalProperties: integer(0, 100) },
  },
  ['deployedModel'],
);
