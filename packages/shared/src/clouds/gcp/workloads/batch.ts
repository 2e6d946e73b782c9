/** Vertex AI BatchPredictionJob: the uploaded model scores the CSV files under <project>/batch/input/. */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { gcsUri, machineSpec, placeholder, vertexLabels } from './common.js';

/** The BatchPredictionJob as a plain object; each run writes to its own output prefix. */
export function vertexBatchPrediction(project: ProjectDeclaration): Record<string, unknown> {
  return {
    displayName: `${project.name}-batch-${placeholder('RUN_ID')}`,
    model: placeholder('VERTEX_MODEL'),
    inputConfig: { instancesFormat: 'csv', gcsSource: { uris: [gcsUri(project, 'batch/input/*.csv')] } },
    outputConfig: { predictionsFormat: 'jsonl', gcsDestination: { outputUriPrefix: gcsUri(project, `batch/scores/${placeholder('RUN_ID')}/`) } },
    dedicatedResources: { machineSpec: machineSpec(project.serving.compute), startingReplicaCount: 1, maxReplicaCount: 1 },
    labels: vertexLabels(project, 'batch'),
  };
}
