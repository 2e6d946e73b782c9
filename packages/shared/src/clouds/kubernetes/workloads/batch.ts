/**
 * Batch scoring on Kubernetes: a CronJob on the declared schedule running `python -m <pkg> batch` in the
 * train image (every project builds it), scoring with the champion the pipeline released into the data
 * volume's registry, reading and writing the data volume.
 */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { BATCH_IMAGE, envList, imageRef, metricsPushEnvironment, packageCommand } from '../../../workloads/runtime.js';
import { labels, objectMeta } from './metadata.js';
import { containerSecurityContext, podSecurityContext, resources, scheduling, TMP_MOUNT, TMP_VOLUME } from './pod.js';
import { dataClaim, DATA_PATHS, DATA_VOLUME_MOUNT, dataVolume } from './storage.js';

/** The CronJob; runs never overlap, since each one rewrites the scores file. */
export function batchCronJob(project: ProjectDeclaration): object {
  const { compute, batchSchedule } = project.serving;
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: objectMeta(project, `${project.name}-batch`, 'batch'),
    spec: {
      schedule: batchSchedule,
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        metadata: { labels: labels(project, 'batch') },
        spec: {
          backoffLimit: 2,
          template: {
            metadata: { labels: labels(project, 'batch') },
            spec: {
              restartPolicy: 'Never',
              securityContext: podSecurityContext(),
              ...scheduling(compute),
              containers: [
                {
                  name: 'batch',
                  image: imageRef(project, BATCH_IMAGE),
                  command: packageCommand(project, 'batch', '--input', DATA_PATHS.batchInput, '--output', DATA_PATHS.batchOutput),
                  // A CronJob's pods end before a scrape: batch scoring pushes its drift metrics.
                  env: envList({ MODEL_REGISTRY_DIR: DATA_PATHS.registry, ...metricsPushEnvironment(project) }),
                  resources: resources(compute),
                  securityContext: containerSecurityContext(true),
                  volumeMounts: [DATA_VOLUME_MOUNT, TMP_MOUNT],
                },
              ],
              volumes: [dataVolume(project), TMP_VOLUME],
            },
          },
        },
      },
    },
  };
}

/** The documents of the batch file: the data claim, then the CronJob. */
export function batchManifests(project: ProjectDeclaration): object[] {
  return [dataClaim(project), batchCronJob(project)];
}
