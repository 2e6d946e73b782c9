/**
 * SageMaker CreateTrainingJob request. The declared data is the `training` channel (downloaded to
 * /opt/ml/input/data/training/ before the container starts), and the runs are written into /opt/ml/model,
 * which SageMaker uploads as model.tar.gz (aws/contract.ts). Single-process training overrides the
 * container entrypoint with `python -m <pkg> train`; PyTorch on GPUs with `python -m <pkg>.launch`, which
 * reads the job's hosts from SageMaker's resource config and starts torchrun with one process per GPU.
 */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { trainingData, trainingVariables } from '../../../workloads/contract.js';
import { distributedGpu, imageRef, packageCommand } from '../../../workloads/runtime.js';
import { awsContract, TRAINING_CHANNEL } from '../contract.js';
import { placeholder, runScopedName, s3Uri, sagemakerInstanceType, sagemakerTags } from './common.js';

/** The module (of the PyTorch package) that launches torchrun on each instance of a distributed job. */
export const SAGEMAKER_LAUNCHER = 'launch';

/** The container's entrypoint: one training process, or the launcher of one per GPU. */
function entrypoint(project: ProjectDeclaration): string[] {
  const gpu = distributedGpu(project);
  if (!gpu) return packageCommand(project, 'train');
  return ['python', '-m', `${project.packageName}.${SAGEMAKER_LAUNCHER}`, '--nproc-per-node', String(gpu.count)];
}

/** The request body as a plain object. */
export function createTrainingJob(project: ProjectDeclaration): Record<string, unknown> {
  const gpu = distributedGpu(project);
  return {
    TrainingJobName: runScopedName(project, 'train'),
    AlgorithmSpecification: { TrainingImage: imageRef(project, 'train'), TrainingInputMode: 'File', ContainerEntrypoint: entrypoint(project) },
    InputDataConfig: [
      {
        ChannelName: TRAINING_CHANNEL,
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: trainingData(project, awsContract.training).uri, S3DataDistributionType: 'FullyReplicated' } },
        InputMode: 'File',
      },
    ],
    RoleArn: placeholder('SAGEMAKER_ROLE_ARN'),
    OutputDataConfig: { S3OutputPath: s3Uri(project, 'training/') },
    ResourceConfig: { InstanceType: sagemakerInstanceType(project.training), InstanceCount: gpu?.nodes ?? 1, VolumeSizeInGB: 50 },
    StoppingCondition: { MaxRuntimeInSeconds: 24 * 3600 },
    Environment: trainingVariables(project, awsContract.training),
    Tags: sagemakerTags(project, 'training'),
  };
}
