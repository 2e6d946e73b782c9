/**
 * Azure ML command job for batch scoring: `python -m <pkg> batch` in the serve image, reading the input
 * CSV from and writing scores to the workspace's default datastore under <project>/batch/.
 */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { imageRef, packageCommand } from '../../../workloads/runtime.js';
import { AZUREML_CLUSTERS, AZUREML_SCHEMAS, azureTags, computeRef, DEFAULT_DATASTORE, placeholder } from './common.js';

const datastorePath = (path: string): string => `azureml://datastores/${DEFAULT_DATASTORE}/paths/${path}`;

/** The batch command job as a plain object. */
export function azuremlBatchJob(project: ProjectDeclaration): Record<string, unknown> {
  const command = packageCommand(project, 'batch', '--input', '${{inputs.scoring_data}}', '--output', '${{outputs.scores}}/scored.csv').join(' ');
  return {
    $schema: AZUREML_SCHEMAS.commandJob,
    type: 'command',
    experiment_name: project.name,
    display_name: `${project.name}-batch-${placeholder('RUN_ID')}`,
    description: `Batch scoring with ${project.name}`,
    command,
    environment: { image: imageRef(project, 'serve') },
    compute: computeRef(AZUREML_CLUSTERS.batch),
    resources: { instance_count: 1 },
    inputs: { scoring_data: { type: 'uri_file', path: datastorePath(`${project.name}/batch/input.csv`) } },
    outputs: { scores: { type: 'uri_folder', mode: 'rw_mount', path: datastorePath(`${project.name}/batch/scores/${placeholder('RUN_ID')}/`) } },
    tags: azureTags(project, 'batch'),
  };
}
