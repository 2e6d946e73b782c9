/**
 * A short-lived pod that mounts the project's data volume and does nothing else, so that the pipeline can
 * copy files to and from the volume with `kubectl cp` (the champion registry out of the training
 * namespace after the gate, into an environment's namespace for batch scoring). It runs the train image,
 * which every project builds, as the same hardened non-root user as the workloads.
 */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { imageRef } from '../../../workloads/runtime.js';
import { runScopedMeta } from './metadata.js';
import { containerSecurityContext, podSecurityContext } from './pod.js';
import { DATA_VOLUME_MOUNT, dataVolume } from './storage.js';

/** How long the pod waits for the copy before it ends by itself (the pipeline deletes it sooner). */
const LIFETIME_SECONDS = 900;

/** What the pod requests (and is limited to); the namespace quota keeps room for it. */
export const VOLUME_POD_RESOURCES = { cpu: '100m', memory: '128Mi' } as const;

/** The pod manifest, with the image and run placeholders left for the pipeline to substitute. */
export function volumePod(project: ProjectDeclaration, purpose: string): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: runScopedMeta(project, purpose, 'data'),
    spec: {
      restartPolicy: 'Never',
      activeDeadlineSeconds: LIFETIME_SECONDS,
      securityContext: podSecurityContext(),
      containers: [
        {
          name: 'files',
          image: imageRef(project, 'train'),
          command: ['sleep', String(LIFETIME_SECONDS)],
          resources: { requests: { ...VOLUME_POD_RESOURCES }, limits: { ...VOLUME_POD_RESOURCES } },
          securityContext: containerSecurityContext(true),
          volumeMounts: [DATA_VOLUME_MOUNT],
        },
      ],
      volumes: [dataVolume(project)],
    },
  };
}
