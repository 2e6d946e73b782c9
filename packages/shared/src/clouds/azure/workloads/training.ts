/**
 * Azure ML command job for training: the declared data is the job's `training_data` input, mounted
 * read-only and bound into the command, and the runs go to its `runs` output (azure/contract.ts). PyTorch on GPUs uses Azure ML's own PyTorch distribution: it starts
 * `process_count_per_instance` processes on each of `instance_count` nodes and sets WORLD_SIZE, RANK,
 * LOCAL_RANK and MASTER_ADDR for them.
 */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { dataVariables, trainingData } from '../../../workloads/contract.js';
import { distributedGpu, imageRef, packageCommand } from '../../../workloads/runtime.js';
import { azureContract, TRAINING_INPUT } from '../contract.js';
import { AZUREML_CLUSTERS, AZUREML_SCHEMAS, azureTags, computeRef, placeholder } from './common.js';

/** A day: a run longer than that is stuck, not training. */
const TIMEOUT_SECONDS = 24 * 3600;

/** The command job as a plain object (YAML-ready). */
export function azuremlTrainingJob(project: ProjectDeclaration): Record<string, unknown> {
  const gpu = distributedGpu(project);
  const { training } = azureContract;
  // Runs land in the job's output folder, which Azure ML uploads to the default datastore.
  const command = [...packageCommand(project, 'train'), '--data', training.dataPath(project, ''), '--runs-dir', training.runsDir(project)].join(' ');
  const { uri } = trainingData(project, training);
  return {
    $schema: AZUREML_SCHEMAS.commandJob,
    type: 'command',
    experiment_name: project.name,
    display_name: `${project.name}-train-${placeholder('RUN_ID')}`,
    description: `Trains ${project.name}: ${project.description}`,
    command,
    environment: { image: imageRef(project, 'train') },
    compute: computeRef(AZUREML_CLUSTERS.training),
    resources: { instance_count: gpu?.nodes ?? 1 },
    ...(gpu ? { distribution: { type: 'pytorch', process_count_per_instance: gpu.count } } : {}),
    environment_variables: dataVariables(project, training),
    // A file is a uri_file input, anything else a folder of CSV files.
    inputs: { [TRAINING_INPUT]: { type: uri.endsWith('.csv') ? 'uri_file' : 'uri_folder', path: uri, mode: 'ro_mount' } },
    outputs: { runs: { type: 'uri_folder', mode: 'rw_mount' } },
    limits: { timeout: TIMEOUT_SECONDS },
    tags: azureTags(project, 'training'),
  };
}
