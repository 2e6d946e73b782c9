/**
 * The PromQL of the service-level indicators, shared by the project dashboard, its alert rules and the
 * organisation dashboard, so a panel always shows exactly what the matching alert evaluates and the
 * fleet view reads the same series as each project's own. Every query selects the project's job,
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

/** A replica whose last push is older than this is not seen (it pushes every 15 s). */
const PUSH_SEEN_SECONDS = 120;

/** Whether the project runs the online service whose metrics most panels and rules read. */
export const servesOnline = (project: ProjectDeclaration): boolean => project.serving.mode !== 'batch';

/** Whether training or serving runs on GPUs, and so GPU metrics exist. */
export const usesGpu = (project: ProjectDeclaration): boolean =>
  project.training.kind === 'gpu' || project.serving.compute.kind === 'gpu';

/**
 * How the service's series reach Prometheus: `scrape`d from the replicas, `push`ed to the Pushgateway,
 * or, across a fleet mixing clusters and managed endpoints, `scrape-or-push` (each project one or the other).
 */
export type ServiceSource = 'scrape' | 'push' | 'scrape-or-push';

/** Which series a set of queries reads, and which labels its aggregations keep. */
export interface QueryScope {
  /** Matcher of the online service's series: `job="churn"`, or `job=~"$project"` across a fleet. */
  job: string;
  /** How the service's series reach Prometheus; decides which gauges are current and when the service is seen. */
  source: ServiceSource;
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
  const and = (...extras: string[]) => service(extras.filter(Boolean).join(', '));
  const by = (operator: string, ...labels: string[]) => aggregate(operator, [...scope.keep, ...labels]);
  const gpu = (operator: string) => aggregate(operator, scope.gpuKeep);
  const replicas = `instance!="${BATCH_INSTANCE}"`;
  const scraping = scope.source !== 'push';
  const pushing = scope.source !== 'scrape';

  /**
   * A gauge's current series: as scraped; where replicas push, only those of replicas that pushed
   * recently (a replica that died leaves its last values in the Pushgateway) and batch scoring's last
   * run; across a mixed fleet, those and every series that was not pushed at all.
   */
  const current = (metric: string, extra = ''): string => {
    if (!pushing) return `${metric}${service(extra)}`;
    const recent = `time() - push_time_seconds${service()} < ${PUSH_STALE_SECONDS}`;
    const pushed = `${metric}${and(extra, `instance="${BATCH_INSTANCE}"`)} or (${metric}${and(extra, replicas)} and on (job, instance) (${recent}))`;
    return scraping ? `(${pushed} or (${metric}${service(extra)} unless on (job, instance) push_time_seconds${service()}))` : `(${pushed})`;
  };

  /** The service's replicas seen now: each scraped successfully, or each with a push in the last two minutes. */
  const seenScraped = `up${service()} == 1`;
  const seenPushed = `time() - push_time_seconds${service(replicas)} < ${PUSH_SEEN_SECONDS}`;

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
    /** Population stability index of each feature (worst replica, or batch run). */
    featurePsi: () => `${by('max', 'feature')}${current('feature_drift_psi')})`,
    /** The worst feature's PSI. */
    worstFeaturePsi: () => `${by('max')}${current('feature_drift_psi')})`,
    /** Rows the drift gauges are computed over. */
    driftWindowRows: () => `${by('min')}${current('drift_window_rows')})`,
    /** The model version(s) being served. */
    modelVersion: () => `${by('max', 'version')}${current('model_info')})`,
    /** The held-out score the champion/challenger gate measured for the served model. */
    evaluationScore: (metric: string) => `${by('min')}${current('model_evaluation_score', `metric="${metric}"`)})`,
    /** 1 when no replica of the service is seen (every replica down, or none discovered). */
    serviceDown: () => `absent(${[...(scraping ? [seenScraped] : []), ...(pushing ? [seenPushed] : [])].join(' or ')})`,
    /**
     * Share (0..1) of the service's availability over `window`: of successful scrapes of its replicas
     * where it is scraped; where it pushes, of the time some replica was seen pushing (ServiceDown's test,
     * sampled each minute), since a pushed replica's group has no `up` of its own.
     */
    availability: (window: string) => {
      const scraped = `${by('avg')}avg_over_time(up${service()}[${window}]))`;
      const pushed = `avg_over_time((${by('max')}time() - push_time_seconds${service(replicas)} < bool ${PUSH_SEEN_SECONDS}))[${window}:1m])`;
      return [...(scraping ? [scraped] : []), ...(pushing ? [pushed] : [])].join(' or ');
    },
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

/** PromQL of one project: its own job, read as its cloud exposes the service, and its pods, one series per GPU. */
export function projectQueries(project: ProjectDeclaration): ScopedQueries {
  return scopedQueries({
    job: `job="${scrapeJob(project)}"`,
    source: cloudAdapter(project.cloud).serviceMetrics,
    pods: `pod=~"${project.name}-.*"`,
    keep: [],
    gpuKeep: ['Hostname', 'gpu'],
  });
}
