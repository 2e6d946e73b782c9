/**
 * The Kubernetes training job: a Kubeflow Training Operator PyTorchJob for PyTorch (the operator starts
 * Master and Workers and sets PET_NNODES/PET_NODE_RANK/PET_MASTER_ADDR, which torchrun reads), a plain
 * batch/v1 Job for scikit-learn. Runs go to the data volume, where the pipeline collects them.
 */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { imageRef, packageCommand } from '../../../workloads/runtime.js';
import { labels, runScopedMeta } from './metadata.js';
import { containerSecurityContext, podSecurityContext, resources, scheduling, sharedMemory, TMP_MOUNT, TMP_VOLUME } from './pod.js';
import { dataClaim, DATA_PATHS, DATA_VOLUME_MOUNT, dataVolume } from './storage.js';
import { trainingEnv } from '../../../workloads/contract.js';
import { kubernetesContract } from '../contract.js';

/** Finished jobs are garbage-collected after a week, long enough to read their logs. */
const TTL_SECONDS = 7 * 24 * 3600;

/**
 * How the pipeline finds and waits for the training job: its resource, the conditions that end it (a
 * PyTorchJob reports `Succeeded`/`Failed`, a batch Job `Complete`/`Failed`) and the label its pods carry.
 */
export interface TrainingKind {
  resource: string;
  succeeded: string;
  failed: string;
  podLabel: string;
}

export function trainingKind(project: ProjectDeclaration): TrainingKind {
  return project.framework === 'pytorch'
    ? { resource: 'pytorchjobs.kubeflow.org', succeeded: 'Succeeded', failed: 'Failed', podLabel: 'training.kubeflow.org/job-name' }
    : { resource: 'jobs.batch', succeeded: 'Complete', failed: 'Failed', podLabel: 'batch.kubernetes.io/job-name' };
}

// The gate runs in a pod made from this template, and keeps the champion registry on the volume.
// Data and runs where kubernetes/contract.ts puts them.
const podEnv = (project: ProjectDeclaration) => trainingEnv(project, kubernetesContract.training, { MODEL_REGISTRY_DIR: DATA_PATHS.registry });

/** The training pod template; `persistent` mounts the data volume, otherwise a scratch dir takes its place. */
function trainingPod(project: ProjectDeclaration, containerName: string, command: string[], persistent: boolean, restartPolicy?: string): object {
  const shm = sharedMemory(project.training);
  return {
    metadata: { labels: labels(project, 'training') },
    spec: {
      ...(restartPolicy ? { restartPolicy } : {}),
      securityContext: podSecurityContext(),
      ...scheduling(project.training),
      containers: [
        {
          name: containerName,
          image: imageRef(project, 'train'),
          command,
          env: podEnv(project),
          resources: resources(project.training),
          securityContext: containerSecurityContext(false),
          volumeMounts: [DATA_VOLUME_MOUNT, TMP_MOUNT, ...shm.volumeMounts],
        },
      ],
      volumes: [persistent ? dataVolume(project) : { name: 'data', emptyDir: {} }, TMP_VOLUME, ...shm.volumes],
    },
  };
}

/**
 * PyTorchJob (kubeflow.org/v1): one Master plus `nodes - 1` Workers, `nprocPerNode` processes each.
 * The claim is ReadWriteOnce, so only the Master (rank 0, which writes the run) mounts it.
 */
export function pytorchJob(project: ProjectDeclaration): object {
  const nodes = project.training.kind === 'gpu' ? project.training.nodes : 1;
  const procsPerNode = project.training.kind === 'gpu' ? project.training.count : 1;
  // The operator requires a container named "pytorch" in every replica.
  const command = ['torchrun', '-m', project.packageName, 'train'];
  const replica = (replicas: number, persistent: boolean) => ({
    replicas,
    restartPolicy: 'OnFailure',
    template: trainingPod(project, 'pytorch', command, persistent),
  });
  return {
    apiVersion: 'kubeflow.org/v1',
    kind: 'PyTorchJob',
    metadata: runScopedMeta(project, 'train', 'training'),
    spec: {
      nprocPerNode: String(procsPerNode),
      runPolicy: { backoffLimit: 2, ttlSecondsAfterFinished: TTL_SECONDS },
      pytorchReplicaSpecs: {
        Master: replica(1, true),
        ...(nodes > 1 ? { Worker: replica(nodes - 1, false) } : {}),
      },
    },
  };
}

/** batch/v1 Job running `python -m <pkg> train` once. */
export function trainingJob(project: ProjectDeclaration): object {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: runScopedMeta(project, 'train', 'training'),
    spec: {
      backoffLimit: 1,
      ttlSecondsAfterFinished: TTL_SECONDS,
      template: trainingPod(project, 'train', packageCommand(project, 'train'), true, 'Never'),
    },
  };
}

/** The documents of the training job file: the data claim, then the job. */
export function trainingManifests(project: ProjectDeclaration): object[] {
  return [dataClaim(project), project.framework === 'pytorch' ? pytorchJob(project) : trainingJob(project)];
}
