/**
 * Online serving on Kubernetes: Deployment (probes on /health, Prometheus scrape annotations, hardened
 * non-root pods, GPU placement when serving on GPUs), Service, HorizontalPodAutoscaler on CPU, and a
 * PodDisruptionBudget so node drains never take every replica at once.
 */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { HEALTH_PATH, imageRef, METRICS_PATH, SERVICE_PORT, serviceCommand } from '../../../workloads/runtime.js';
import { labels, objectMeta, selectorLabels } from './metadata.js';
import { containerSecurityContext, podSecurityContext, resources, scheduling, TMP_MOUNT, TMP_VOLUME } from './pod.js';

const probe = (initialDelaySeconds: number, failureThreshold: number) => ({
  httpGet: { path: HEALTH_PATH, port: 'http' },
  initialDelaySeconds,
  periodSeconds: 10,
  timeoutSeconds: 5,
  failureThreshold,
});

/** The Deployment; replicas start at the autoscaler's minimum. */
export function deployment(project: ProjectDeclaration): object {
  const { compute, replicas } = project.serving;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: objectMeta(project, project.name, 'serving'),
    spec: {
      replicas: replicas.min,
      selector: { matchLabels: selectorLabels(project, 'serving') },
      // Surge one pod at a time and never drop below the replica count during a rollout.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: {
          labels: labels(project, 'serving'),
          annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(SERVICE_PORT), 'prometheus.io/path': METRICS_PATH },
        },
        spec: {
          securityContext: podSecurityContext(),
          ...scheduling(compute),
          containers: [
            {
              name: 'serve',
              image: imageRef(project, 'serve'),
              command: serviceCommand(project),
              ports: [{ name: 'http', containerPort: SERVICE_PORT, protocol: 'TCP' }],
              // The image carries the registry champion; never train inside a serving pod.
              env: [{ name: 'TRAIN_ON_STARTUP', value: '0' }],
              readinessProbe: probe(5, 3),
              livenessProbe: probe(20, 3),
              resources: resources(compute),
              securityContext: containerSecurityContext(true),
              volumeMounts: [TMP_MOUNT],
            },
          ],
          volumes: [TMP_VOLUME],
        },
      },
    },
  };
}

/** ClusterIP Service in front of the pods, port 80 → http. */
export function service(project: ProjectDeclaration): object {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(project, project.name, 'serving'),
    spec: { type: 'ClusterIP', selector: selectorLabels(project, 'serving'), ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] },
  };
}

/** autoscaling/v2 HPA between the declared replica bounds, on average CPU utilisation. */
export function autoscaler(project: ProjectDeclaration): object {
  const { replicas, targetCpuUtilization } = project.serving;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: objectMeta(project, project.name, 'serving'),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: project.name },
      minReplicas: replicas.min,
      maxReplicas: replicas.max,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: targetCpuUtilization } } }],
    },
  };
}

/** At most one pod voluntarily evicted at a time (minAvailable would block drains with one replica). */
export function disruptionBudget(project: ProjectDeclaration): object {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: objectMeta(project, project.name, 'serving'),
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorLabels(project, 'serving') } },
  };
}

/** The documents of the serving file. */
export function servingManifests(project: ProjectDeclaration): object[] {
  return [deployment(project), service(project), autoscaler(project), disruptionBudget(project)];
}
