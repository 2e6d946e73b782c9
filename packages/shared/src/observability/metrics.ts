/**
 * The metrics dashboards and alert rules may query, by who exports them. This is the single source the
 * observability validator checks every PromQL expression against: a panel or rule that needs a new metric
 * adds it here, next to the exporter that really publishes it.
 */

/** A Prometheus target type and the metric names it exposes (histograms as their `_bucket/_sum/_count` series). */
export interface MetricSource {
  /** Short id used in messages. */
  id: string;
  /** Who exposes these metrics, and why they can be relied on. */
  exporter: string;
  metrics: readonly string[];
}

/**
 * The generated online service's `/metrics` (`prometheus_client` in `<package>/service.py`), scraped or
 * pushed; batch scoring pushes `feature_drift_psi` and `drift_window_rows` too.
 */
export const SERVICE_METRICS: MetricSource = {
  id: 'service',
  exporter: 'the generated FastAPI service, GET /metrics',
  metrics: [
    'http_requests_total',
    'http_request_errors_total',
    'http_request_duration_seconds_bucket',
    'http_request_duration_seconds_sum',
    'http_request_duration_seconds_count',
    'predictions_total',
    'prediction_probability_bucket',
    'prediction_probability_sum',
    'prediction_probability_count',
    'drift_window_rows',
    'feature_drift_psi',
    'prediction_drift_psi',
    'model_info',
    'model_evaluation_score',
  ],
};

/** NVIDIA DCGM exporter on GPU nodes (GPU utilisation in %, framebuffer memory in MiB). */
export const DCGM_METRICS: MetricSource = {
  id: 'dcgm',
  exporter: 'NVIDIA dcgm-exporter',
  metrics: ['DCGM_FI_DEV_GPU_UTIL', 'DCGM_FI_DEV_FB_USED', 'DCGM_FI_DEV_FB_FREE'],
};

/** kube-state-metrics: the cluster's view of deployments, pods and namespace quotas (`kube_resourcequota`: hard and used per resource). */
export const KUBE_STATE_METRICS: MetricSource = {
  id: 'kube-state-metrics',
  exporter: 'kube-state-metrics',
  metrics: ['kube_deployment_status_replicas_available', 'kube_pod_container_status_restarts_total', 'kube_resourcequota'],
};

/** Series Prometheus itself writes for every scrape; `up` is the only way to see a target that is down. */
export const SCRAPE_METRICS: MetricSource = {
  id: 'prometheus',
  exporter: 'the Prometheus server (synthetic scrape series)',
  metrics: ['up'],
};

/** Series the Pushgateway adds to every group pushed to it (the time of the group's last push). */
export const PUSHGATEWAY_METRICS: MetricSource = {
  id: 'pushgateway',
  exporter: 'the Prometheus Pushgateway, per pushed group',
  metrics: ['push_time_seconds', 'push_failure_time_seconds'],
};

/** Every source, in the order messages list them. */
export const METRIC_SOURCES: readonly MetricSource[] = [SERVICE_METRICS, DCGM_METRICS, KUBE_STATE_METRICS, SCRAPE_METRICS, PUSHGATEWAY_METRICS];

/** Metric name → the source that exports it. */
export const KNOWN_METRICS: ReadonlyMap<string, MetricSource> = new Map(
  METRIC_SOURCES.flatMap((source) => source.metrics.map((metric) => [metric, source] as const)),
);
