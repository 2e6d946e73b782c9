import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { drift, slo } from '../declaration/monitoring.js';
import { metricNames } from './promql.js';
import { organisationDashboard, PROJECT_VARIABLE } from './organisation.js';

interface PanelJson {
  type: string;
  title: string;
  targets?: { expr: string }[];
  fieldConfig?: { defaults: { thresholds?: { steps: { value: number | null }[] } } };
}
interface DashboardJson {
  uid: string;
  panels: PanelJson[];
  templating: { list: { name: string; type: string; query: unknown; multi?: boolean; includeAll?: boolean }[] };
}

const json = (options?: Parameters<typeof organisationDashboard>[0]) => JSON.parse(JSON.stringify(organisationDashboard(options))) as DashboardJson;
const panels = (dashboard: DashboardJson) => dashboard.panels.filter((p) => p.type !== 'row');

describe('organisationDashboard', () => {
  it('has a multi-value project variable over every served model, next to the datasource', () => {
    const { templating, uid } = json();
    expect(uid).toBe('ai-factory-organisation');
    expect(templating.list.map((v) => [v.name, v.type])).toEqual([['datasource', 'datasource'], [PROJECT_VARIABLE, 'query']]);
    const project = templating.list[1]!;
    expect(project).toMatchObject({ query: 'label_values(model_info, job)', multi: true, includeAll: true });
  });

  it('covers errors, availability, latency, drift, model performance and GPUs with their quota', () => {
    const dashboard = json();
    expect(dashboard.panels.filter((p) => p.type === 'row').map((p) => p.title)).toEqual(['Errors and availability', 'Traffic and latency', 'Drift', 'Model performance', 'GPUs']);
    const metrics = new Set(panels(dashboard).flatMap((p) => p.targets!.flatMap((t) => metricNames(t.expr))));
    for (const metric of ['http_request_errors_total', 'up', 'http_request_duration_seconds_bucket', 'feature_drift_psi', 'model_evaluation_score', 'predictions_total', 'model_info', 'DCGM_FI_DEV_GPU_UTIL', 'kube_resourcequota']) {
      expect(metrics, metric).toContain(metric);
    }
  });

  it('filters every query on the selected projects and keeps the projects apart', () => {
    for (const panel of panels(json())) {
      for (const { expr } of panel.targets!) {
        expect(expr, panel.title).toContain(`$${PROJECT_VARIABLE}`);
        expect(expr, panel.title).toMatch(/ by \((job|namespace)\b/);
      }
    }
  });

  it('draws the organisation objectives and drift thresholds it is given', () => {
    const steps = (dashboard: DashboardJson, title: string) => dashboard.panels.find((p) => p.title === title)?.fieldConfig?.defaults.thresholds?.steps.map((s) => s.value);
    const defaults = json();
    expect(steps(defaults, 'Worst feature drift (PSI)')).toEqual([null, 0.1, 0.25]);
    const strict = json({ slo: slo({ latencyP95Ms: 150, errorRatePercent: 0.5 }), drift: drift({ warning: 0.05, critical: 0.2 }) });
    expect(steps(strict, 'Worst feature drift (PSI)')).toEqual([null, 0.05, 0.2]);
    expect(steps(strict, 'p95 latency of /predict')).toEqual([null, 0.15]);
    expect(steps(strict, 'Server error ratio of /predict')).toEqual([null, 0.005]);
  });
});

describe('a fleet of scraped and pushed projects, evaluated by promtool', () => {
  const work = mkdtempSync(join(tmpdir(), 'organisation-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // Three hours, minute by minute: a constant, or (`'now'`) the minute's own timestamp, as the
  // push_time_seconds of a replica pushing all along.
  const minutes = (value: number | 'now') => (value === 'now' ? '0+60x180' : `${value}x180`);
  const series = (metric: string, labels: string, value: number | 'now') => ({ series: `${metric}{${labels}}`, values: minutes(value) });
  const input = [
    // A cluster's service, scraped.
    series('up', 'job="churn-k8s", instance="10.0.0.7:8000"', 1),
    series('model_info', 'job="churn-k8s", instance="10.0.0.7:8000", version="v3"', 1),
    series('feature_drift_psi', 'job="churn-k8s", instance="10.0.0.7:8000", feature="contract"', 0.3),
    series('model_evaluation_score', 'job="churn-k8s", instance="10.0.0.7:8000", metric="roc_auc"', 0.81),
    // A managed endpoint: replica-a pushes all along; replica-b pushed once and died, its group left behind.
    series('push_time_seconds', 'job="churn-aws", instance="replica-a"', 'now'),
    series('feature_drift_psi', 'job="churn-aws", instance="replica-a", feature="tenure"', 0.2),
    series('model_info', 'job="churn-aws", instance="replica-a", version="v7"', 1),
    series('model_evaluation_score', 'job="churn-aws", instance="replica-a", metric="roc_auc"', 0.77),
    series('push_time_seconds', 'job="churn-aws", instance="replica-b"', 0),
    series('feature_drift_psi', 'job="churn-aws", instance="replica-b", feature="tenure"', 0.9),
    series('model_info', 'job="churn-aws", instance="replica-b", version="v6"', 1),
    series('model_evaluation_score', 'job="churn-aws", instance="replica-b", metric="roc_auc"', 0.5),
    // Its batch scoring ran once, long ago: the last run's PSI stands until the next.
    series('push_time_seconds', 'job="churn-aws", instance="batch"', 0),
    series('feature_drift_psi', 'job="churn-aws", instance="batch", feature="contract"', 0.4),
    // A managed endpoint whose only replica stopped pushing three hours ago.
    series('push_time_seconds', 'job="churn-gone", instance="replica-z"', 0),
  ];

  /** The panel's query as Grafana sends it with every project selected and a one-hour range. */
  const query = (title: string) =>
    panels(json())
      .find((p) => p.title === title)!
      .targets![0]!.expr.replaceAll(`$${PROJECT_VARIABLE}`, '(churn-k8s|churn-aws|churn-gone)')
      .replaceAll('$__range', '1h')
      .replaceAll('$__rate_interval', '5m');

  it('reads each project as its platform exposes it: current pushed replicas and batch runs, every scraped series', async () => {
    const samples = (values: Record<string, number>) => Object.entries(values).map(([labels, value]) => ({ labels, value }));
    const tests = [
      { expr: query('Worst feature drift (PSI)'), exp_samples: samples({ '{job="churn-k8s"}': 0.3, '{job="churn-aws"}': 0.4 }) },
      { expr: query('Served model versions'), exp_samples: samples({ '{job="churn-k8s", version="v3"}': 1, '{job="churn-aws", version="v7"}': 1 }) },
      { expr: query('Held-out ROC AUC of the served model'), exp_samples: samples({ '{job="churn-k8s"}': 0.81, '{job="churn-aws"}': 0.77 }) },
      { expr: query('Availability'), exp_samples: samples({ '{job="churn-k8s"}': 1, '{job="churn-aws"}': 1, '{job="churn-gone"}': 0 }) },
    ].map((test) => ({ ...test, eval_time: '3h' }));
    const file = join(work, 'test.yml');
    writeFileSync(file, stringify({ tests: [{ interval: '1m', input_series: input, promql_expr_test: tests }] }, { lineWidth: 0 }));
    const result = await promisify(execFile)('promtool', ['test', 'rules', file]).catch((error: { stdout: string; stderr: string }) => error);
    expect(`${result.stdout}${result.stderr}`).toContain('SUCCESS');
  });
});
