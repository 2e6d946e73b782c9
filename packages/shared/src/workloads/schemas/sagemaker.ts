/**
 * JSON Schemas of the SageMaker request bodies we emit, written from the Amazon SageMaker API Reference
 * (CreateTrainingJob, CreateEndpointConfig, CreateProcessingJob: request syntax, required parameters,
 * length constraints and patterns). Unknown top-level parameters are errors, as the AWS CLI's
 * `--cli-input-json` rejects them.
 */
import { array, integer, object, oneOfValues, string, type Schema } from './builders.js';

/** TrainingJobName, EndpointConfigName, ProcessingJobName, ModelName, VariantName. */
const NAME = string({ pattern: '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$', maxLength: 63 });
const INSTANCE_TYPE = string({ pattern: '^ml\\.[a-z0-9-]+\\.[a-z0-9]+$' });
const S3_URI = string({ pattern: '^(https|s3)://([^/]+)/?(.*)$', maxLength: 1024 });
const ROLE_ARN = string({ pattern: '^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$', minLength: 20, maxLength: 2048 });
const IMAGE = string({ minLength: 1, maxLength: 255, pattern: '^[\\S]+$' });

// Tag characters per the SageMaker API reference (Tag.Key / Tag.Value pattern).
const TAG_TEXT = '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$';
const tags: Schema = array(
  object({ Key: string({ minLength: 1, maxLength: 128, pattern: TAG_TEXT }), Value: string({ maxLength: 256, pattern: TAG_TEXT }) }, ['Key', 'Value']),
  { maxItems: 50 },
);
const environment = (valueLength: number): Schema => ({
  type: 'object',
  maxProperties: 100,
  propertyNames: { pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$', maxLength: 512 },
  additionalProperties: string({ maxLength: valueLength }),
});

export const CREATE_TRAINING_JOB_SCHEMA: Schema = object(
  {
    TrainingJobName: NAME,
    HyperParameters: { type: 'object', maxProperties: 100, propertyNames: { maxLength: 256 }, additionalProperties: string({ maxLength: 2500 }) },
    AlgorithmSpecification: object(
      {
        TrainingImage: IMAGE,
        AlgorithmName: string(),
        TrainingInputMode: oneOfValues('Pipe', 'File', 'FastFile'),
        MetricDefinitions: array(object({ Name: string(), Regex: string() }, ['Name', 'Regex']), { maxItems: 40 }),
        EnableSageMakerMetricsTimeSeries: { type: 'boolean' },
        ContainerEntrypoint: array(string({ maxLength: 256 }), { minItems: 1, maxItems: 100 }),
        ContainerArguments: array(string({ maxLength: 256 }), { minItems: 1, maxItems: 100 }),
        TrainingImageConfig: { type: 'object' },
      },
      ['TrainingInputMode'],
    ),
    RoleArn: ROLE_ARN,
    InputDataConfig: array({ type: 'object' }, { minItems: 1, maxItems: 20 }),
    OutputDataConfig: object({ S3OutputPath: S3_URI, KmsKeyId: string(), CompressionType: oneOfValues('GZIP', 'NONE') }, ['S3OutputPath']),
    ResourceConfig: object(
      { InstanceType: INSTANCE_TYPE, InstanceCount: integer(1), VolumeSizeInGB: integer(1), VolumeKmsKeyId: string(), KeepAlivePeriodInSeconds: integer(0), InstanceGroups: { type: 'array' } },
      ['VolumeSizeInGB'],
    ),
    VpcConfig: { type: 'object' },
    StoppingCondition: object({ MaxRuntimeInSeconds: integer(1), MaxWaitTimeInSeconds: integer(1), MaxPendingTimeInSeconds: integer(7200, 2419200) }),
    Tags: tags,
    EnableNetworkIsolation: { type: 'boolean' },
    EnableInterContainerTrafficEncryption: { type: 'boolean' },
    EnableManagedSpotTraining: { type: 'boolean' },
    CheckpointConfig: { type: 'object' },
    Environment: environment(512),
    RetryStrategy: object({ MaximumRetryAttempts: integer(1, 30) }, ['MaximumRetryAttempts']),
  },
  ['TrainingJobName', 'AlgorithmSpecification', 'RoleArn', 'OutputDataConfig', 'ResourceConfig', 'StoppingCondition'],
);

const productionVariant: Schema = object(
  {
    VariantName: NAME,
    ModelName: NAME,
    InstanceType: INSTANCE_TYPE,
    InitialInstanceCount: integer(1),
    InitialVariantWeight: { type: 'number', minimum: 0 },
    AcceleratorType: string(),
    ServerlessConfig: { type: 'object' },
    VolumeSizeInGB: integer(1, 512),
    ModelDataDownloadTimeoutInSeconds: integer(60, 3600),
    ContainerStartupHealthCheckTimeoutInSeconds: integer(60, 3600),
    ManagedInstanceScaling: { type: 'object' },
    RoutingConfig: { type: 'object' },
  },
  ['VariantName'],
);

export const CREATE_ENDPOINT_CONFIG_SCHEMA: Schema = object(
  {
    EndpointConfigName: NAME,
    ProductionVariants: array(productionVariant, { minItems: 1, maxItems: 10 }),
    DataCaptureConfig: { type: 'object' },
    Tags: tags,
    KmsKeyId: string(),
    AsyncInferenceConfig: { type: 'object' },
    ExplainerConfig: { type: 'object' },
    ShadowProductionVariants: array(productionVariant),
    ExecutionRoleArn: ROLE_ARN,
    VpcConfig: { type: 'object' },
    EnableNetworkIsolation: { type: 'boolean' },
  },
  ['EndpointConfigName', 'ProductionVariants'],
);

const processingS3Input: Schema = object(
  {
    S3Uri: S3_URI,
    LocalPath: string({ pattern: '^/opt/ml/processing/', maxLength: 256 }),
    S3DataType: oneOfValues('ManifestFile', 'S3Prefix'),
    S3InputMode: oneOfValues('Pipe', 'File'),
    S3DataDistributionType: oneOfValues('FullyReplicated', 'ShardedByS3Key'),
    S3CompressionType: oneOfValues('None', 'Gzip'),
  },
  ['S3Uri', 'S3DataType'],
);

export const CREATE_PROCESSING_JOB_SCHEMA: Schema = object(
  {
    ProcessingJobName: NAME,
    ProcessingResources: object(
      { ClusterConfig: object({ InstanceCount: integer(1, 100), InstanceType: INSTANCE_TYPE, VolumeSizeInGB: integer(1, 16384), VolumeKmsKeyId: string() }, ['InstanceCount', 'InstanceType', 'VolumeSizeInGB']) },
      ['ClusterConfig'],
    ),
    AppSpecification: object(
      { ImageUri: IMAGE, ContainerEntrypoint: array(string({ maxLength: 256 }), { minItems: 1, maxItems: 100 }), ContainerArguments: array(string({ maxLength: 256 }), { minItems: 1, maxItems: 100 }) },
      ['ImageUri'],
    ),
    ProcessingInputs: array(object({ InputName: string({ minLength: 1, maxLength: 256 }), AppManaged: { type: 'boolean' }, S3Input: processingS3Input, DatasetDefinition: { type: 'object' } }, ['InputName']), { maxItems: 10 }),
    ProcessingOutputConfig: object(
      {
        Outputs: array(
          object(
            {
              OutputName: string({ minLength: 1, maxLength: 256 }),
              S3Output: object({ S3Uri: S3_URI, LocalPath: string({ pattern: '^/opt/ml/processing/', maxLength: 256 }), S3UploadMode: oneOfValues('Continuous', 'EndOfJob') }, ['S3Uri', 'S3UploadMode']),
              FeatureStoreOutput: { type: 'object' },
              AppManaged: { type: 'boolean' },
            },
            ['OutputName'],
          ),
          { maxItems: 10 },
        ),
        KmsKeyId: string(),
      },
      ['Outputs'],
    ),
    StoppingCondition: object({ MaxRuntimeInSeconds: integer(1, 777600) }, ['MaxRuntimeInSeconds']),
    Environment: environment(256),
    NetworkConfig: { type: 'object' },
    RoleArn: ROLE_ARN,
    Tags: tags,
    ExperimentConfig: { type: 'object' },
  },
  ['ProcessingJobName', 'ProcessingResources', 'AppSpecification', 'RoleArn'],
);
