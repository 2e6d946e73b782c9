/**
 * The PromQL of a project's service-level indicators, shared by its dashboard and its alert rules so a
 * panel always shows exactly what the matching alert evaluates.
 */
import type { ProjectDeclaration } from '../declaration/project.js';

/**
 * Prometheus scrape job of the project's online service. Every service query selects it, so several
 * projects can share one Prometheus; the scrape configuration must use this job name.
 */
export const scrapeJob = (project: ProjectDeclaration): string => project.name;

/** Whether the project runs the online service whose metrics most panels and rules read. */
export const servesOnline = (project: ProjectDeclaration): boolean => project.serving.mode !== 'batch';

/** Whether training or serving runs on GPUs, and so GPU metrics exist. */
export const usesGpu = (project: ProjectDeclaration): boolean =>
  project.training.kind === 'gpu' || project.serving.compute.kind === 'gpu';

/** Matchers of the service's series; `extra` adds matchers such as `path="/predict"`. */
function service(project: ProjectDeclaration, extra = ''): string {
  return `{job="${scrapeJob(project)}"${extra ? `, ${extra}` : ''}}`;
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
    /** Population stability index of each feature (worst replica). */
    featurePsi: () => `max by (feature) (feature_drift_psi${service(project)})`,
    /** Rows the drift gauges are computed over. */
    driftWindowRows: () => `min(drift_window_rows${service(project)})`,
    /** The model version(s) being served. */
    modelVersion: () => `max by (version) (model_info${service(project)})`,
    /** 1 when no scrape of the service succeeds (every target down, or none discovered). */
    serviceDown: () => `absent(up${service(project)} == 1)`,
    /** GPU utilisation in percent per GPU. */
    gpuUtilisation: () => `avg by (Hostname, gpu) (DCGM_FI_DEV_GPU_UTIL${gpuPods(project)})`,
    /** Share (0..1) of each GPU's framebuffer memory in use. */
    gpuMemoryUsed: () =>
      `max by (Hostname, gpu) (DCGM_FI_DEV_FB_USED${gpuPods(project)} / (DCGM_FI_DEV_FB_USED${gpuPods(project)} + DCGM_FI_DEV_FB_FREE${gpuPods(project)}))`,
  };
}

export type ProjectQueries = ReturnType<typeof projectQueries>;
