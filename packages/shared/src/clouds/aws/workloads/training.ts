/**
 * SageMaker CreateTrainingJob request. Single-process training overrides the container entrypoint with
 * `python -m <pkg> train`. PyTorch on GPUs runs on SageMaker's own launcher instead: the training
 * toolkit (`sagemaker-training`, whose `train` command SageMaker invokes) reads the
 * `sagemaker_torch_distributed_enabled` hyperparameter and starts torchrun on every instance with one
 * process per GPU. SageMaker uploads /opt/ml/model to the output path, so runs are written there.
 */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { distributedGpu, imageRef, packageCommand } from '../../../workloads/runtime.js';
import { placeholder, runScopedName, s3Uri, sagemakerInstanceType, sagemakerTags } from './common.js';

/**
 * Entry script the training toolkit runs under torchrun, relative to /opt/ml/code in the PyTorch
 * training image; it calls `<pkg>.__main__.main(["train", ...])`.
 */
export const SAGEMAKER_TRAINING_PROGRAM = 'train_entry.py';

/** Where SageMaker collects the model directory from (uploaded as model.tar.gz). */
const MODEL_DIR = '/opt/ml/model';

/** The request body as a plain object. */
export function createTrainingJob(project: ProjectDeclaration): Record<string, unknown> {
  const gpu = distributedGpu(project);
  const instanceType = sagemakerInstanceType(project.training);
  return {
    TrainingJobName: runScopedName(project, 'train'),
    AlgorithmSpecification: {
      TrainingImage: imageRef(project, 'train'),
      TrainingInputMode: 'File',
      ...(gpu ? {} : { ContainerEntrypoint: packageCommand(project, 'train') }),
    },
    ...(gpu
      ? {
          HyperParameters: {
            sagemaker_program: SAGEMAKER_TRAINING_PROGRAM,
            sagemaker_torch_distributed_enabled: 'true',
            sagemaker_instance_type: instanceType,
          },
        }
      : {}),
    RoleArn: placeholder('SAGEMAKER_ROLE_ARN'),
    OutputDataConfig: { S3OutputPath: s3Uri(project, 'training/') },
    ResourceConfig: { InstanceType: instanceType, InstanceCount: gpu?.nodes ?? 1, VolumeSizeInGB: 50 },
    StoppingCondition: { MaxRuntimeInSeconds: 24 * 3600 },
    Environment: { RUNS_DIR: `${MODEL_DIR}/runs` },
    Tags: sagemakerTags(project, 'training'),
  };
}
