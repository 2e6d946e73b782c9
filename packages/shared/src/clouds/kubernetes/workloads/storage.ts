/** The project's persistent volume: training runs, batch input and scores. */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { objectMeta } from './metadata.js';

/** Where the data volume is mounted in every pod that uses it. */
export const DATA_MOUNT_PATH = '/data';

/** Paths on the data volume, as the package's environment variables and arguments expect them. */
export const DATA_PATHS = {
  runs: `${DATA_MOUNT_PATH}/runs`,
  /** The package's champion registry (`MODEL_REGISTRY_DIR`): the gate writes it, batch scoring reads it. */
  registry: `${DATA_MOUNT_PATH}/model-registry`,
  batchInput: `${DATA_MOUNT_PATH}/batch/input.csv`,
  batchOutput: `${DATA_MOUNT_PATH}/batch/scored.csv`,
} as const;

export const dataClaimName = (project: ProjectDeclaration): string => `${project.name}-data`;

/**
 * The claim, declared in every file whose pods mount it so that each file applies on its own;
 * `kubectl apply` of the identical object twice is a no-op.
 */
export function dataClaim(project: ProjectDeclaration): object {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: objectMeta(project, dataClaimName(project), 'data'),
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } } },
  };
}

/** The pod volume backed by the claim. */
export const dataVolume = (project: ProjectDeclaration): object => ({ name: 'data', persistentVolumeClaim: { claimName: dataClaimName(project) } });
export const DATA_VOLUME_MOUNT = { name: 'data', mountPath: DATA_MOUNT_PATH };
