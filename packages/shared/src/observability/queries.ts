/**
 * The PromQL of a project's service-level indicators, shared by its dashboard and its alert rules so a
 * panel always shows exactly what the matching alert evaluates. Every query selects the project's job,
 * whether Prometheus scrapes the service (a cluster) or reads what it pushed to the Pushgateway (managed
 * endpoints, and batch scoring everywhere: `<package>.metrics_push`).
 */
import { cloudAdapter } from '../clouds/index.js';
import type { ProjectDeclaration } from '../declaration/project.js';

/**
 * Prometheus job of the project's metrics: the scrape job of the online service (the scrape
 * configuration must use this name), and the job its pushes are grouped under. Every query selects it,
 * so several projects can share one Prometheus.
 */
export const scrapeJob = (project: ProjectDeclaration): string => project.name;

/** The Pushgateway group (`instance` label) batch scoring pushes to; each run replaces the last. */
export const BATCH_INSTANCE = 'batch';

/** A replica that pushed nothing for this long is gone; its last values are left out. */
const PUSH_STALE_SECONDS = 600;

/** Whether the project runs the online service whose metrics most panels and rules read. */
export const servesOnline = (project: ProjectDeclaration): boolean => project.serving.mode !== 'batch';

/** Whether the service's metrics come from the Pushgateway rather than a scrape of the service. */
const pushed = (project: ProjectDeclaration): boolean => cloudAdapter(project.cloud).serviceMetrics === 'push';

/** Whether training or serving runs on GPUs, and so GPU metrics exist. */
export const usesGpu = (project: ProjectDeclaration): boolean =>
  project.training.kind === 'gpu' || project.serving.compute.kind === 'gpu';

/** Matchers of the service's series; `extra` adds matchers such as `path="/predict"`. */
function service(project: ProjectDeclaration, extra = ''): string {
  return `{job="${scrapeJob(project)}"${extra ? `, ${extra}` : ''}}`;
}

/**
 * A gauge's current series: as scraped, or, where replicas push, only those of replicas that pushed
 * recently (a replica that died leaves its last values in the Pushgateway) and batch scoring's last run.
 */
function current(project: ProjectDeclaration, metric: string): string {
  if (!pushed(project)) return `${metric}${service(project)}`;
  const recent = `time() - push_time_seconds${service(project)} < ${PUSH_STALE_SECONDS}`;
  return `(${metric}${service(project, `instance="${BATCH_INSTANCE}"`)} or (${metric}${service(project, `instance!="${BATCH_INSTANCE}"`)} and on (job, instance) (${recent})))`;
}

/** DCGM series of the project's pods (training jobs and serving replicas are named after the project). */
function gpuPods(project: ProjectDeclaration): string {
  return `{pod=~"${project.name}-.*"}`;
}

const PREDICT = 'path="/predict"';

/** PromQL of one project; `window` is a range such as `5m` or Grafana's `$__rate_interval`. */
export function projectQueries(project: ProjectDeclaration) {
  return {
    /** Requests per second by path. */
    requestRate: (window: string) => `sum by (path) (rate(http_requests_total${service(project)}[${window}]))`,
    /** /predict requests per second, 0 when there were none. */
    predictRate: (window: string) => `sum(rate(http_requests_total${service(project, PREDICT)}[${window}])) or vector(0)`,
    /** /predict latency quantile in seconds, from the histogram. */
    latencyQuantile: (quantile: number, window: string) =>
      `histogram_quantile(${quantile}, sum by (le) (rate(http_request_duration_seconds_bucket${service(project, PREDICT)}[${window}])))`,
    /**
     * Share (0..1) of /predict requests that failed on the server side. 4xx answers (invalid rows) are
     * the caller's mistake and do not count against the service's objective.
     */
    errorRatio: (window: string) =>
      `sum(rate(http_request_errors_total${service(project, `${PREDICT}, status=~"5.."`)}[${window}]))` +
      ` / sum(rate(http_requests_total${service(project, PREDICT)}[${window}]))`,
    /** Predicted rows per second by class. */
    predictionsByClass: (window: string) => `sum by (predicted_class) (rate(predictions_total${service(project)}[${window}]))`,
    /** Predicted positive-class probabilities over `window`, by histogram bucket. */
    probabilityBuckets: (window: string) => `sum by (le) (increase(prediction_probability_bucket${service(project)}[${window}]))`,
    /** Population stability index of each feature (worst replica, or batch run). */
    featurePsi: () => `max by (feature) (${current(project, 'feature_drift_psi')})`,
    /** Rows the drift gauges are computed over. */
    driftWindowRows: () => `min(${current(project, 'drift_window_rows')})`,
    /** The model version(s) being served. */
    modelVersion: () => `max by (version) (${current(project, 'model_info')})`,
    /**
     * 1 when no replica of the service is seen: no successful scrape, or, where replicas push, no push
     * within two minutes (every replica down, or none discovered).
     */
    serviceDown: () =>
      pushed(project)
        ? `absent(time() - push_time_seconds${service(project, `instance!="${BATCH_INSTANCE}"`)} < 120)`
        : `absent(up${service(project)} == 1)`,
    /** GPU utilisation in percent per GPU. */
    gpuUtilisation: () => `avg by (Hostname, gpu) (DCGM_FI_DEV_GPU_UTIL${gpuPods(project)})`,
    /** Share (0..1) of each GPU's framebuffer memory in use. */
    gpuMemoryUsed: () =>
      `max by (Hostname, gpu) (DCGM_FI_DEV_FB_USED${gpuPods(project)} / (DCGM_FI_DEV_FB_USED${gpuPods(project)} + DCGM_FI_DEV_FB_FREE${gpuPods(project)}))`,
  };
}

export type ProjectQueries = ReturnType<typeof projectQueries>;
