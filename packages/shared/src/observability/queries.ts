/**
 * The PromQL of the service-level indicators, shared by the project dashboard, its alert rules and the
 * organisation dashboard, so a panel always shows exactly what the matching alert evaluates and the
 * fleet view reads the same series as each project's own.
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

/** Which series a set of queries reads, and which labels its aggregations keep. */
export interface QueryScope {
  /** Matcher of the online service's series: `job="churn"`, or `job=~"$project"` across a fleet. */
  job: string;
  /** Matcher of the DCGM series of the GPU pods (training jobs and serving replicas are named after the project). */
  pods: string;
  /** Labels every service aggregation keeps: none for one project, `job` to keep projects apart. */
  keep: readonly string[];
  /** Labels the GPU aggregations keep. */
  gpuKeep: readonly string[];
}

/** `sum by (a, b) (` or, with no labels, `sum(`. */
function aggregate(operator: string, labels: readonly string[]): string {
  return labels.length === 0 ? `${operator}(` : `${operator} by (${labels.join(', ')}) (`;
}

const PREDICT = 'path="/predict"';

/** PromQL of the scope; `window` is a range such as `5m` or Grafana's `$__rate_interval`. */
export function scopedQueries(scope: QueryScope) {
  const service = (extra = '') => `{${scope.job}${extra ? `, ${extra}` : ''}}`;
  const by = (operator: string, ...labels: string[]) => aggregate(operator, [...scope.keep, ...labels]);
  const gpu = (operator: string) => aggregate(operator, scope.gpuKeep);
  return {
    /** Requests per second by path. */
    requestRate: (window: string) => `${by('sum', 'path')}rate(http_requests_total${service()}[${window}]))`,
    /** /predict requests per second; for a single project 0 when there were none. */
    predictRate: (window: string) =>
      `${by('sum')}rate(http_requests_total${service(PREDICT)}[${window}]))${scope.keep.length === 0 ? ' or vector(0)' : ''}`,
    /** /predict latency quantile in seconds, from the histogram. */
    latencyQuantile: (quantile: number, window: string) =>
      `histogram_quantile(${quantile}, ${by('sum', 'le')}rate(http_request_duration_seconds_bucket${service(PREDICT)}[${window}])))`,
    /**
     * Share (0..1) of /predict requests that failed on the server side. 4xx answers (invalid rows) are
     * the caller's mistake and do not count against the service's objective.
     */
    errorRatio: (window: string) =>
      `${by('sum')}rate(http_request_errors_total${service(`${PREDICT}, status=~"5.."`)}[${window}]))` +
      ` / ${by('sum')}rate(http_requests_total${service(PREDICT)}[${window}]))`,
    /** Predicted rows per second by class. */
    predictionsByClass: (window: string) => `${by('sum', 'predicted_class')}rate(predictions_total${service()}[${window}]))`,
    /** Share (0..1) of scored rows predicted as the positive class. */
    positiveShare: (window: string) =>
      `${by('sum')}rate(predictions_total${service('predicted_class="1"')}[${window}]))` +
      ` / ${by('sum')}rate(predictions_total${service()}[${window}]))`,
    /** Predicted positive-class probabilities over `window`, by histogram bucket. */
    probabilityBuckets: (window: string) => `${by('sum', 'le')}increase(prediction_probability_bucket${service()}[${window}]))`,
    /** Population stability index of each feature (worst replica). */
    featurePsi: () => `${by('max', 'feature')}feature_drift_psi${service()})`,
    /** The worst feature's PSI. */
    worstFeaturePsi: () => `${by('max')}feature_drift_psi${service()})`,
    /** Rows the drift gauges are computed over. */
    driftWindowRows: () => `${by('min')}drift_window_rows${service()})`,
    /** The model version(s) being served. */
    modelVersion: () => `${by('max', 'version')}model_info${service()})`,
    /** The held-out score the champion/challenger gate measured for the served model. */
    evaluationScore: (metric: string) => `${by('min')}model_evaluation_score${service(`metric="${metric}"`)})`,
    /** 1 when no scrape of the service succeeds (every target down, or none discovered). */
    serviceDown: () => `absent(up${service()} == 1)`,
    /** Share (0..1) of successful scrapes of the service's replicas over `window`. */
    availability: (window: string) => `${by('avg')}avg_over_time(up${service()}[${window}]))`,
    /** GPU utilisation in percent. */
    gpuUtilisation: () => `${gpu('avg')}DCGM_FI_DEV_GPU_UTIL{${scope.pods}})`,
    /** Share (0..1) of the GPU framebuffer memory in use. */
    gpuMemoryUsed: () => {
      const pods = `{${scope.pods}}`;
      return `${gpu('max')}DCGM_FI_DEV_FB_USED${pods} / (DCGM_FI_DEV_FB_USED${pods} + DCGM_FI_DEV_FB_FREE${pods}))`;
    },
  };
}

export type ScopedQueries = ReturnType<typeof scopedQueries>;

/** PromQL of one project: its own scrape job and pods, one series per GPU. */
export function projectQueries(project: ProjectDeclaration): ScopedQueries {
  return scopedQueries({ job: `job="${scrapeJob(project)}"`, pods: `pod=~"${project.name}-.*"`, keep: [], gpuKeep: ['Hostname', 'gpu'] });
}
