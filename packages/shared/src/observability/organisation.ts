/**
 * The organisation dashboard: one Grafana dashboard across every project of the fleet, for the
 * platform team and whoever watches the portfolio. A `project` variable (every project whose service
 * reports `model_info`) filters each panel; every query is the per-project one with projects kept apart,
 * so a line here is exactly what that project's own dashboard shows. A fleet mixes services Prometheus
 * scrapes (clusters) with managed endpoints that push to the Pushgateway: the queries read both kinds of
 * series, as each project's own queries read the one its cloud exposes.
 */
import { drift as driftThresholds, slo as serviceObjectives, type Drift, type Slo } from '../declaration/monitoring.js';
import { RATE, prometheusVariable } from './dashboard.js';
import { dashboard, variable, type Dashboard, type Row } from './grafana.js';
import { DATASOURCE, barPanel, statPanel, timeseriesPanel } from './panels.js';
import { scopedQueries } from './queries.js';

/** Name of the dashboard variable holding the selected projects. */
export const PROJECT_VARIABLE = 'project';

/** Where the variable's values come from: the job of every served model, scraped or pushed. */
export const PROJECT_VARIABLE_QUERY = 'label_values(model_info, job)';

// Grafana's codes for refreshing a variable's values when the time range changes, and for sorting them A to Z.
const REFRESH_ON_TIME_RANGE_CHANGE = 2;
const SORT_ALPHABETICAL_ASC = 1;

/** The GPU resource a Kubernetes ResourceQuota caps (the factory's namespace quota sets it). */
const GPU_QUOTA_RESOURCE = 'requests.nvidia.com/gpu';

/** Options of {@link organisationDashboard}. */
export interface OrganisationDashboardOptions {
  /**
   * Dashboard title.
   * @default 'AI Factory: all projects'
   */
  title?: string;
  /**
   * Objectives drawn as thresholds; projects may declare their own, these are the organisation's.
   * @default slo()
   */
  slo?: Slo;
  /**
   * Drift thresholds drawn on the worst-feature panel.
   * @default drift()
   */
  drift?: Drift;
}

// Regex matchers: Grafana writes a multi-value or "All" selection as `(a|b|c)`.
const FLEET = scopedQueries({
  job: `job=~"$${PROJECT_VARIABLE}"`,
  source: 'scrape-or-push',
  pods: `pod=~"$${PROJECT_VARIABLE}-.*"`,
  keep: ['job'],
  gpuKeep: ['namespace'],
});
const BY_PROJECT = '{{job}}';

/** `kube_resourcequota` of the GPU resource in the projects' namespaces (`<project>-<environment>`). */
const gpuQuota = (type: 'used' | 'hard') =>
  `sum by (namespace) (kube_resourcequota{namespace=~"$${PROJECT_VARIABLE}-.*", resource="${GPU_QUOTA_RESOURCE}", type="${type}"})`;

function rows(slo: Slo, drift: Drift): Row[] {
  return [
    {
      title: 'Errors and availability',
      panels: [
        timeseriesPanel({
          title: 'Server error ratio of /predict',
          description: `Share of /predict requests answered with 5xx, per project; the organisation's objective is under ${slo.errorRatePercent}%.`,
          unit: 'percentunit',
          thresholds: { critical: slo.errorRatePercent / 100 },
          queries: [{ expr: FLEET.errorRatio(RATE), legend: BY_PROJECT }],
        }),
        barPanel({
          title: 'Availability',
          description:
            'Over the selected time range, per project: the share of successful scrapes of its service replicas, or, for a managed endpoint that pushes its metrics, the share of the time some replica had pushed within two minutes.',
          unit: 'percentunit',
          range: { min: 0, max: 1 },
          queries: [{ expr: FLEET.availability('$__range'), legend: BY_PROJECT }],
        }),
      ],
    },
    {
      title: 'Traffic and latency',
      panels: [
        timeseriesPanel({ title: 'Requests to /predict', description: '/predict requests per second, per project.', unit: 'reqps', queries: [{ expr: FLEET.predictRate(RATE), legend: BY_PROJECT }] }),
        timeseriesPanel({
          title: 'p95 latency of /predict',
          description: `95th percentile from each service's request duration histogram; the organisation's objective is ${slo.latencyP95Ms} ms.`,
          unit: 's',
          thresholds: { critical: slo.latencyP95Ms / 1000 },
          queries: [{ expr: FLEET.latencyQuantile(0.95, RATE), legend: BY_PROJECT }],
        }),
      ],
    },
    {
      title: 'Drift',
      panels: [
        timeseriesPanel({
          title: 'Worst feature drift (PSI)',
          description: `Each project's most drifted feature against its training data; warning above ${drift.warning}, critical above ${drift.critical} (projects may declare their own thresholds).`,
          unit: 'none',
          width: 24,
          thresholds: { warning: drift.warning, critical: drift.critical },
          queries: [{ expr: FLEET.worstFeaturePsi(), legend: BY_PROJECT }],
        }),
      ],
    },
    {
      title: 'Model performance',
      panels: [
        barPanel({
          title: 'Held-out ROC AUC of the served model',
          description: 'What the champion/challenger gate measured on held-out rows when it promoted the model each project serves; 0.5 is the baseline that knows nothing.',
          unit: 'none',
          width: 9,
          range: { min: 0.5, max: 1 },
          queries: [{ expr: FLEET.evaluationScore('roc_auc'), legend: BY_PROJECT }],
        }),
        timeseriesPanel({
          title: 'Positive-class share of predictions',
          description: 'Share of scored rows predicted positive, per project: a shift without a change of model is the first sign that its inputs or the world moved.',
          unit: 'percentunit',
          width: 9,
          queries: [{ expr: FLEET.positiveShare(RATE), legend: BY_PROJECT }],
        }),
        statPanel({ title: 'Served model versions', description: 'Registry version each project serves (model_info).', unit: 'none', showName: true, queries: [{ expr: FLEET.modelVersion(), legend: `${BY_PROJECT} {{version}}` }] }),
      ],
    },
    {
      title: 'GPUs',
      panels: [
        timeseriesPanel({ title: 'GPU utilisation', description: 'DCGM utilisation of the projects\' GPU pods, averaged per namespace.', unit: 'percent', queries: [{ expr: FLEET.gpuUtilisation(), legend: '{{namespace}}' }] }),
        timeseriesPanel({ title: 'GPU memory used', description: 'Fullest GPU framebuffer per namespace (DCGM).', unit: 'percentunit', thresholds: { warning: 0.85, critical: 0.95 }, queries: [{ expr: FLEET.gpuMemoryUsed(), legend: '{{namespace}}' }] }),
        barPanel({
          title: 'GPU quota used',
          description: `GPUs requested against the namespace ResourceQuota (${GPU_QUOTA_RESOURCE}, kube-state-metrics). Cloud GPU quotas are per subscription, account or project and region; see the playbook's costs page.`,
          unit: 'percentunit',
          range: { min: 0, max: 1 },
          thresholds: { warning: 0.8, critical: 1 },
          queries: [{ expr: `${gpuQuota('used')} / ${gpuQuota('hard')}`, legend: '{{namespace}}' }],
        }),
        timeseriesPanel({
          title: 'GPUs requested and quota',
          description: 'GPUs the namespace\'s pods request, and the quota\'s hard limit.',
          unit: 'none',
          queries: [
            { expr: gpuQuota('used'), legend: '{{namespace}} requested' },
            { expr: gpuQuota('hard'), legend: '{{namespace}} quota' },
          ],
        }),
      ],
    },
  ];
}

/**
 * The organisation dashboard as Grafana JSON model.
 * @example writeFileSync('organisation.json', JSON.stringify(organisationDashboard(), null, 2));
 */
export function organisationDashboard(options: OrganisationDashboardOptions = {}): Dashboard {
  const projects = variable('query', PROJECT_VARIABLE, {
    // Grafana's variable defaults say one value and no "All"; a fleet view wants any set of projects.
    multi: true,
    includeAll: true,
    label: 'Project',
    datasource: DATASOURCE,
    query: PROJECT_VARIABLE_QUERY,
    definition: PROJECT_VARIABLE_QUERY,
    refresh: REFRESH_ON_TIME_RANGE_CHANGE,
    sort: SORT_ALPHABETICAL_ASC,
  });
  return dashboard(
    {
      title: options.title ?? 'AI Factory: all projects',
      uid: 'ai-factory-organisation',
      description:
        'Every project of the fleet: errors, availability, latency, drift, model performance, GPU use and quota. Generated by organisationDashboard() of @ai-factory/shared: edits are lost when it is generated again.',
      tags: ['ai-factory', 'organisation'],
      time: { from: 'now-24h', to: 'now' },
      refresh: '5m',
    },
    [prometheusVariable(), projects],
    rows(options.slo ?? serviceObjectives(), options.drift ?? driftThresholds()),
  );
}
