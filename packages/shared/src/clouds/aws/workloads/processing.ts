/**
 * SageMaker CreateProcessingJob request for batch scoring: `python -m <pkg> batch` in the train image
 * (every project builds it and it holds the batch command), with the rows to score and the released model
 * folder (which the pipeline uploads when it registers the release) as inputs under /opt/ml/processing/,
 * and the scores uploaded from there when the job ends. A batch transform would need a serving
 * container, which a project that only scores in batch does not build.
 */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { BATCH_IMAGE, imageRef, metricsPushEnvironment, packageCommand } from '../../../workloads/runtime.js';
import { placeholder, runScopedName, s3Uri, sagemakerInstanceType, sagemakerTags } from './common.js';

/** Where SageMaker Processing puts each input and collects the output, inside the container. */
const LOCAL = { scoring: '/opt/ml/processing/input/scoring', model: '/opt/ml/processing/model', scores: '/opt/ml/processing/output' } as const;

/** The CSV to score, under the scoring input (uploaded by the data owner to `<project>/batch/input/`). */
const BATCH_INPUT_FILE = 'input.csv';

/** Where the pipeline uploads the released model folder of a run, for batch scoring to read. */
export const releasedModelPrefix = (project: ProjectDeclaration): string => s3Uri(project, `models/${placeholder('RUN_ID')}/model/`);

const s3Input = (name: string, uri: string, local: string) => ({
  InputName: name,
  S3Input: { S3Uri: uri, LocalPath: local, S3DataType: 'S3Prefix', S3InputMode: 'File' },
});

/** The request body as a plain object; each run reads its own release and writes to its own prefix. */
export function createProcessingJob(project: ProjectDeclaration): Record<string, unknown> {
  return {
    ProcessingJobName: runScopedName(project, 'batch'),
    ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: sagemakerInstanceType(project.serving.compute), VolumeSizeInGB: 30 } },
    AppSpecification: {
      ImageUri: imageRef(project, BATCH_IMAGE),
      ContainerEntrypoint: packageCommand(project, 'batch', '--input', `${LOCAL.scoring}/${BATCH_INPUT_FILE}`, '--output', `${LOCAL.scores}/scored.csv`, '--model-path', LOCAL.model),
    },
    ProcessingInputs: [s3Input('scoring', s3Uri(project, 'batch/input/'), LOCAL.scoring), s3Input('model', releasedModelPrefix(project), LOCAL.model)],
    ProcessingOutputConfig: {
      Outputs: [{ OutputName: 'scores', S3Output: { S3Uri: s3Uri(project, `batch/scores/${placeholder('RUN_ID')}/`), LocalPath: LOCAL.scores, S3UploadMode: 'EndOfJob' } }],
    },
    StoppingCondition: { MaxRuntimeInSeconds: 24 * 3600 },
    Environment: metricsPushEnvironment(project),
    RoleArn: placeholder('SAGEMAKER_ROLE_ARN'),
    Tags: sagemakerTags(project, 'batch'),
  };
}
