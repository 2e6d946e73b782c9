/**
 * Prometheus alert rules of a project, from its declared objectives and drift thresholds. Expressions
 * come from the same queries as the dashboard panels, so an alert and its panel never disagree.
 */
import type { ProjectDeclaration } from '../declaration/project.js';
import { projectQueries, servesOnline, usesGpu } from './queries.js';

/** README section every alert's runbook points to. */
export const RUNBOOK = 'README.md#monitoring-and-alerts';

/**
 * Label of the critical drift alert: the drift check retrains when an alert carrying it fires
 * (and `pipeline.retrainOnDrift` is on).
 */
export const RETRAIN_LABEL = { name: 'action', value: 'retrain' } as const;

/** GPU framebuffer share above which jobs are about to fail with out-of-memory errors. */
export const GPU_MEMORY_ALERT_RATIO = 0.95;

export interface AlertRule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: { summary: string; description: string; runbook_url: string };
}

export interface RuleGroup {
  name: string;
  rules: AlertRule[];
}

/** `churn-model` → `ChurnModel`: alert names are CamelCase by Prometheus convention. */
const pascal = (name: string) => name.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');

function rule(project: ProjectDeclaration, name: string, severity: 'warning' | 'critical', spec: Omit<AlertRule, 'alert' | 'labels' | 'annotations'> & { summary: string; description: string; labels?: Record<string, string> }): AlertRule {
  return {
    alert: `${pascal(project.name)}${name}`,
    expr: spec.expr,
    for: spec.for,
    labels: { severity, project: project.name, team: project.team, ...spec.labels },
    annotations: { summary: spec.summary, description: spec.description, runbook_url: RUNBOOK },
  };
}

function serviceRules(project: ProjectDeclaration): AlertRule[] {
  const q = projectQueries(project);
  const { latencyP95Ms, errorRatePercent } = project.monitoring;
  return [
    rule(project, 'LatencyP95High', 'warning', {
      expr: `${q.latencyQuantile(0.95, '5m')} > ${latencyP95Ms / 1000}`,
      for: '10m',
      summary: `${project.name}: /predict p95 latency above ${latencyP95Ms} ms`,
      description: `The 95th percentile latency of /predict has been {{ $value | humanizeDuration }} for 10 minutes; the objective is ${latencyP95Ms} ms.`,
    }),
    rule(project, 'ErrorRatioHigh', 'critical', {
      expr: `${q.errorRatio('5m')} > ${errorRatePercent / 100}`,
      for: '10m',
      summary: `${project.name}: /predict server errors above ${errorRatePercent}%`,
      description: `{{ $value | humanizePercentage }} of /predict requests failed with 5xx over 10 minutes; the objective is ${errorRatePercent}%.`,
    }),
    rule(project, 'NoTraffic', 'warning', {
      expr: `(${q.predictRate('15m')}) == 0`,
      for: '30m',
      summary: `${project.name}: no /predict requests`,
      description: 'The service has answered no /predict request for 45 minutes: check the callers and the ingress.',
    }),
    rule(project, 'ServiceDown', 'critical', {
      expr: q.serviceDown(),
      for: '5m',
      summary: `${project.name}: service not scraped`,
      description: 'Prometheus has not scraped a healthy replica of the service for 5 minutes: every replica is down or none is discovered.',
    }),
  ];
}

function driftRules(project: ProjectDeclaration): AlertRule[] {
  const q = projectQueries(project);
  const { driftWarningPsi: warning, driftCriticalPsi: critical, driftMinRows: minRows } = project.monitoring;
  return [
    rule(project, 'FeatureDriftWarning', 'warning', {
      // Below critical only, so a critical drift raises one alert, not two.
      expr: `${q.featurePsi()} > ${warning} <= ${critical}`,
      for: '30m',
      summary: `${project.name}: feature {{ $labels.feature }} drifting`,
      description: `PSI of {{ $labels.feature }} is {{ $value }} (warning above ${warning}, critical above ${critical}).`,
    }),
    // Nothing measured is not "no drift": the service scored too few rows, or its metrics are lost.
    rule(project, 'FeatureDriftUnknown', 'warning', {
      expr: `absent(${q.featurePsi()})`,
      for: '6h',
      summary: `${project.name}: no drift measurement`,
      description:
        `No feature PSI has reached Prometheus for 6 hours: the service has scored fewer than ${minRows} rows (the drift policy's minimum) since it started, ` +
        'batch scoring has not run or its last batch was too small to judge, or their metrics do not reach Prometheus (scrape job, PUSHGATEWAY_URL).',
    }),
    rule(project, 'FeatureDriftCritical', 'critical', {
      expr: `${q.featurePsi()} > ${critical}`,
      for: '30m',
      labels: { [RETRAIN_LABEL.name]: RETRAIN_LABEL.value },
      summary: `${project.name}: feature {{ $labels.feature }} drifted`,
      description: `PSI of {{ $labels.feature }} is {{ $value }}, above ${critical}: predictions are unreliable${project.pipeline.retrainOnDrift ? '; the drift check retrains the model' : '; retrain the model'}.`,
    }),
  ];
}

function gpuRules(project: ProjectDeclaration): AlertRule[] {
  const q = projectQueries(project);
  return [
    rule(project, 'GpuMemoryNearlyFull', 'warning', {
      expr: `${q.gpuMemoryUsed()} > ${GPU_MEMORY_ALERT_RATIO}`,
      for: '10m',
      summary: `${project.name}: GPU {{ $labels.gpu }} on {{ $labels.Hostname }} memory nearly full`,
      description: `{{ $value | humanizePercentage }} of the GPU memory is in use; jobs will fail with CUDA out-of-memory errors. Lower the batch size or choose a larger GPU.`,
    }),
  ];
}

/** The project's rule groups: the service's when it serves online, drift always (online and batch scoring publish it), GPUs when it uses them. */
export function alertRuleGroups(project: ProjectDeclaration): RuleGroup[] {
  return [
    ...(servesOnline(project) ? [{ name: `${project.name}-service`, rules: serviceRules(project) }] : []),
    { name: `${project.name}-drift`, rules: driftRules(project) },
    ...(usesGpu(project) ? [{ name: `${project.name}-gpu`, rules: gpuRules(project) }] : []),
  ];
}
