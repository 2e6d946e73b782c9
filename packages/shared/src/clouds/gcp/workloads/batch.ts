/**
 * Vertex AI CustomJobSpec for batch scoring (`gcloud ai custom-jobs create --config`): `python -m <pkg>
 * batch` in the train image (every project builds it and it holds the batch command), reading the rows
 * to score and the released model folder (which the pipeline uploads when it registers the release)
 * through the Cloud Storage FUSE mount at /gcs, and writing the scores there. A batch prediction job would
 * need a serving container, which a project that only scores in batch does not build.
 */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { BATCH_IMAGE, envList, imageRef, metricsPushEnvironment, packageCommand } from '../../../workloads/runtime.js';
import { gcsFusePath, gcsUri, machineSpec, placeholder } from './common.js';

/** Where, under the project's prefix, the pipeline uploads the released model folder of a run, for batch scoring to read. */
export const RELEASED_MODEL_PATH = `models/${placeholder('RUN_ID')}/model`;

/** The CustomJobSpec as a plain object; each run reads its own release and writes to its own prefix. */
export function vertexBatchJob(project: ProjectDeclaration): Record<string, unknown> {
  const scores = `batch/scores/${placeholder('RUN_ID')}`;
  const command = packageCommand(
    project,
    'batch',
    '--input',
    gcsFusePath(project, 'batch/input.csv'),
    '--output',
    gcsFusePath(project, `${scores}/scored.csv`),
    '--model-path',
    gcsFusePath(project, RELEASED_MODEL_PATH),
  );
  const env = envList(metricsPushEnvironment(project));
  const containerSpec = { imageUri: imageRef(project, BATCH_IMAGE), command, ...(env.length > 0 ? { env } : {}) };
  return {
    workerPoolSpecs: [{ machineSpec: machineSpec(project.serving.compute), replicaCount: 1, containerSpec }],
    baseOutputDirectory: { outputUriPrefix: gcsUri(project, `${scores}/`) },
    scheduling: { timeout: `${24 * 3600}s` },
  };
}
