import { describe, expect, it } from 'vitest';
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
