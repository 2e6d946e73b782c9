/**
 * The service dashboard of a project: traffic, latency and errors
 * against the declared objectives, what the model predicts, feature drift against the declared
 * thresholds, and GPU use when the project runs on GPUs.
 */
import type { ProjectDeclaration } from '../declaration/project.js';
import { GENERATED_NOTICE } from '../synth/artifact.js';
import { dashboard, variable, type Dashboard, type Row } from './grafana.js';
import { DATASOURCE_VARIABLE, bucketPanel, statPanel, timeseriesPanel } from './panels.js';
import { projectQueries, servesOnline, usesGpu, type ScopedQueries } from './queries.js';

/** Rate window that adapts to the scrape interval and zoom level. */
export const RATE = '$__rate_interval';

function serviceRow(q: ScopedQueries, project: ProjectDeclaration): Row {
  const { latencyP95Ms, errorRatePercent } = project.monitoring;
  return {
    title: 'Service',
    panels: [
      timeseriesPanel({ title: 'Request rate', description: 'HTTP requests per second by path.', unit: 'reqps', width: 9, queries: [{ expr: q.requestRate(RATE), legend: '{{path}}' }] }),
      timeseriesPanel({
        title: 'Latency of /predict',
        description: `p50, p95 and p99 from the request duration histogram; the objective is p95 under ${latencyP95Ms} ms.`,
        unit: 's',
        width: 9,
        thresholds: { critical: latencyP95Ms / 1000 },
        queries: [0.5, 0.95, 0.99].map((quantile) => ({ expr: q.latencyQuantile(quantile, RATE), legend: `p${Math.round(quantile * 100)}` })),
      }),
      statPanel({ title: 'Model version', description: 'Version reported by model_info of the serving replicas.', unit: 'none', showName: true, queries: [{ expr: q.modelVersion(), legend: '{{version}}' }] }),
      timeseriesPanel({
        title: 'Server error ratio of /predict',
        description: `Share of /predict requests answered with 5xx; the objective is under ${errorRatePercent}%.`,
        unit: 'percentunit',
        thresholds: { critical: errorRatePercent / 100 },
        queries: [{ expr: q.errorRatio(RATE), legend: 'error ratio' }],
      }),
    ],
  };
}

function predictionsRow(q: ScopedQueries): Row {
  return {
    title: 'Predictions',
    panels: [
      timeseriesPanel({ title: 'Predictions by class', description: 'Scored rows per second by predicted class.', unit: 'rowsps', stacked: true, queries: [{ expr: q.predictionsByClass(RATE), legend: 'class {{predicted_class}}' }] }),
      bucketPanel({ title: 'Positive-class probability', description: 'Predictions in the selected time range by probability bucket (upper bound).', unit: 'none', queries: [{ expr: q.probabilityBuckets('$__range'), legend: '{{le}}' }] }),
    ],
  };
}

function driftRow(q: ScopedQueries, project: ProjectDeclaration): Row {
  const { driftWarningPsi, driftCriticalPsi, driftMinRows } = project.monitoring;
  return {
    title: 'Drift',
    panels: [
      timeseriesPanel({
        title: 'Feature drift (PSI)',
        description: `Population stability index of recent requests (or the last batch) against the training data; warning above ${driftWarningPsi}, critical (retraining) above ${driftCriticalPsi}.`,
        unit: 'none',
        width: 18,
        thresholds: { warning: driftWarningPsi, critical: driftCriticalPsi },
        queries: [{ expr: q.featurePsi(), legend: '{{feature}}' }],
      }),
      statPanel({ title: 'Drift window', description: `Rows the PSI is computed over (the service's recent rows, or the last batch); PSI is published from ${driftMinRows} rows on.`, unit: 'none', queries: [{ expr: q.driftWindowRows(), legend: 'rows' }] }),
    ],
  };
}

function gpuRow(q: ScopedQueries): Row {
  return {
    title: 'GPU',
    panels: [
      timeseriesPanel({ title: 'GPU utilisation', description: 'DCGM utilisation of each GPU of the project pods.', unit: 'percent', queries: [{ expr: q.gpuUtilisation(), legend: '{{Hostname}} GPU {{gpu}}' }] }),
      timeseriesPanel({ title: 'GPU memory used', description: 'Share of each GPU framebuffer in use (DCGM).', unit: 'percentunit', thresholds: { warning: 0.85, critical: 0.95 }, queries: [{ expr: q.gpuMemoryUsed(), legend: '{{Hostname}} GPU {{gpu}}' }] }),
    ],
  };
}

/** The rows that apply to the project: service panels need the online service, GPU panels GPUs; drift is always there. */
export function dashboardRows(project: ProjectDeclaration): Row[] {
  const q = projectQueries(project);
  return [
    ...(servesOnline(project) ? [serviceRow(q, project), predictionsRow(q)] : []),
    // Online and batch scoring both publish the PSI of what they scored.
    driftRow(q, project),
    ...(usesGpu(project) ? [gpuRow(q)] : []),
  ];
}

/** The project's service dashboard as Grafana JSON model. */
export function serviceDashboard(project: ProjectDeclaration): Dashboard {
  return dashboard(
    {
      title: `${project.name} service`,
      uid: `${project.name}-service`,
      description: project.description ? `${project.description}\n\n${GENERATED_NOTICE}` : GENERATED_NOTICE,
      tags: ['ai-factory', project.name, project.team],
      time: { from: 'now-6h', to: 'now' },
      refresh: '1m',
    },
    [prometheusVariable()],
    dashboardRows(project),
  );
}

/** The variable every panel's datasource names: which Prometheus to read, chosen in Grafana. */
export const prometheusVariable = () => variable('datasource', DATASOURCE_VARIABLE, { label: 'Prometheus', query: 'prometheus' });
