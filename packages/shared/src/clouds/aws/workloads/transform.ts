/** SageMaker CreateTransformJob request: batch scoring of the CSV files under <project>/batch/input/. */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { placeholder, runScopedName, s3Uri, sagemakerInstanceType, sagemakerTags } from './common.js';

/** The request body as a plain object; each run writes to its own output prefix. */
export function createTransformJob(project: ProjectDeclaration): Record<string, unknown> {
  return {
    TransformJobName: runScopedName(project, 'batch'),
    ModelName: placeholder('SAGEMAKER_MODEL_NAME'),
    BatchStrategy: 'MultiRecord',
    MaxPayloadInMB: 6,
    Environment: { TRAIN_ON_STARTUP: '0' },
    TransformInput: {
      DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: s3Uri(project, 'batch/input/') } },
      ContentType: 'text/csv',
      SplitType: 'Line',
    },
    TransformOutput: { S3OutputPath: s3Uri(project, `batch/scores/${placeholder('RUN_ID')}/`), Accept: 'text/csv', AssembleWith: 'Line' },
    TransformResources: { InstanceType: sagemakerInstanceType(project.serving.compute), InstanceCount: 1 },
    Tags: sagemakerTags(project, 'batch'),
  };
}
