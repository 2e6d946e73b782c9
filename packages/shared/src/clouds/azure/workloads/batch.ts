/**
 * Azure ML command job for batch scoring: `python -m <pkg> batch` in the train image (it holds the package
 * and its batch command, and every project builds it) on serverless compute of the declared serving size,
 * scoring with the model version the pipeline registered in the workspace (mounted as the `model` input),
 * reading the input CSV from and writing scores to the workspace's default datastore under <project>/batch/.
 */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { BATCH_IMAGE, imageRef, metricsPushEnvironment, packageCommand } from '../../../workloads/runtime.js';
import { azureMachine, AZUREML_SCHEMAS, azureTags, DEFAULT_DATASTORE, placeholder } from './common.js';

const datastorePath = (path: string): string => `azureml://datastores/${DEFAULT_DATASTORE}/paths/${path}`;

/** `environment_variables`, left out when there are none. */
const withEnvironment = (variables: Record<string, string>) => (Object.keys(variables).length > 0 ? { environment_variables: variables } : {});

/** The batch command job as a plain object. */
export function azuremlBatchJob(project: ProjectDeclaration): Record<string, unknown> {
  const command = packageCommand(project, 'batch', '--input', '${{inputs.scoring_data}}', '--output', '${{outputs.scores}}/scored.csv', '--model-path', '${{inputs.model}}').join(' ');
  return {
    $schema: AZUREML_SCHEMAS.commandJob,
    type: 'command',
    experiment_name: project.name,
    display_name: `${project.name}-batch-${placeholder('RUN_ID')}`,
    description: `Batch scoring with ${project.name}`,
    command,
    environment: { image: imageRef(project, BATCH_IMAGE) },
    ...withEnvironment(metricsPushEnvironment(project)),
    // No compute: Azure ML runs the job on serverless compute of this instance type, so no cluster idles for it.
    resources: { instance_type: azureMachine(project.serving.compute).type, instance_count: 1 },
    inputs: {
      scoring_data: { type: 'uri_file', path: datastorePath(`${project.name}/batch/input.csv`) },
      // A registered folder is mounted as that folder: the model's files.
      model: { type: 'custom_model', path: placeholder('AZUREML_MODEL'), mode: 'ro_mount' },
    },
    outputs: { scores: { type: 'uri_folder', mode: 'rw_mount', path: datastorePath(`${project.name}/batch/scores/${placeholder('RUN_ID')}/`) } },
    tags: azureTags(project, 'batch'),
  };
}
