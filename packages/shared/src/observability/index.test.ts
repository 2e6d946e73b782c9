import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { environment } from '../declaration/environment.js';
import { accelerator } from '../declaration/compute.js';
import { drift, slo } from '../declaration/monitoring.js';
import { defineMlProject, type ProjectOptions } from '../declaration/project.js';
import { serving } from '../declaration/serving.js';
import { GENERATED_NOTICE } from '../synth/artifact.js';
import { RETRAIN_LABEL, synthesizeObservability, type RuleGroup } from './index.js';

const project = (overrides: Partial<ProjectOptions> = {}) =>
  defineMlProject({
    name: 'churn-model', description: 'Predicts churn', team: 'growth', cloud: 'azure', cicd: 'github-actions', framework: 'sklearn',
    environments: [environment('dev'), environment('prod')], serving: serving({ mode: 'online' }), ...overrides,
  });

interface DashboardJson {
  description: string;
  panels: { type: string; title: string; targets?: { expr: string }[]; fieldConfig?: { defaults: { thresholds?: { steps: { value: number | null }[] } } } }[];
  templating: { list: { name: string; type: string; query: string }[] };
}

function files(options: Partial<ProjectOptions> = {}) {
  const artifacts = synthesizeObservability(project(options));
  const byPath = new Map(artifacts.map((a) => [a.path, a.content]));
  const dashboard = byPath.get('monitoring/dashboards/churn-model-service.json');
  const rules = byPath.get('monitoring/alerts/churn-model.rules.yml');
  return {
    paths: [...byPath.keys()],
    dashboard: dashboard === undefined ? undefined : (JSON.parse(dashboard) as DashboardJson),
    groups: rules === undefined ? undefined : (parse(rules) as { groups: RuleGroup[] }).groups,
  };
}

const rowTitles = (dashboard: DashboardJson | undefined) => dashboard?.panels.filter((p) => p.type === 'row').map((p) => p.title);
const panel = (dashboard: DashboardJson | undefined, title: string) => dashboard?.panels.find((p) => p.title === title);

describe('synthesizeObservability', () => {
  it('writes a dashboard carrying the notice, with a Prometheus datasource variable, and the rule file', () => {
    const { paths, dashboard } = files();
    expect(paths).toEqual(['monitoring/dashboards/churn-model-service.json', 'monitoring/alerts/churn-model.rules.yml']);
    expect(dashboard?.description).toContain(GENERATED_NOTICE);
    expect(dashboard?.templating.list).toContainEqual(expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }));
    expect(rowTitles(dashboard)).toEqual(['Service', 'Predictions', 'Drift']);
  });

  it('draws the declared objectives and drift thresholds on the panels and in the rules', () => {
    const { dashboard, groups } = files({ slo: slo({ latencyP95Ms: 250, errorRatePercent: 2 }), drift: drift({ warning: 0.15, critical: 0.3 }) });
    const steps = (title: string) => panel(dashboard, title)?.fieldConfig?.defaults.thresholds?.steps.map((s) => s.value);
    expect(steps('Latency of /predict')).toEqual([null, 0.25]);
    expect(steps('Server error ratio of /predict')).toEqual([null, 0.02]);
    expect(steps('Feature drift (PSI)')).toEqual([null, 0.15, 0.3]);
    const rules = groups!.flatMap((g) => g.rules);
    expect(rules.find((r) => r.alert === 'ChurnModelLatencyP95High')?.expr).toMatch(/histogram_quantile\(0\.95, .*\) > 0\.25$/);
    expect(rules.find((r) => r.alert === 'ChurnModelErrorRatioHigh')?.expr).toMatch(/ > 0\.02$/);
    expect(rules.find((r) => r.alert === 'ChurnModelFeatureDriftWarning')?.expr).toMatch(/> 0\.15 <= 0\.3$/);
  });

  it('labels only the critical drift alert for retraining, and gives every rule for, severity and a runbook', () => {
    const rules = files().groups!.flatMap((g) => g.rules);
    expect(rules.filter((r) => r.labels[RETRAIN_LABEL.name] === RETRAIN_LABEL.value).map((r) => r.alert)).toEqual(['ChurnModelFeatureDriftCritical']);
    for (const rule of rules) {
      expect(rule.for).toMatch(/^\d+[mh]$/);
      expect(['warning', 'critical']).toContain(rule.labels.severity);
      expect(rule.annotations.summary && rule.annotations.description).toBeTruthy();
      expect(rule.annotations.runbook_url).toMatch(/^README\.md#/);
    }
  });

  it('adds GPU panels and a GPU memory alert only when training or serving uses a GPU', () => {
    expect(files().groups!.map((g) => g.name)).toEqual(['churn-model-service', 'churn-model-drift']);
    const withGpu = files({ framework: 'pytorch', training: accelerator('a100-80gb') });
    expect(rowTitles(withGpu.dashboard)).toEqual(['Service', 'Predictions', 'Drift', 'GPU']);
    expect(withGpu.groups!.map((g) => g.name)).toContain('churn-model-gpu');
    expect(panel(withGpu.dashboard, 'GPU memory used')?.targets?.[0]?.expr).toContain('DCGM_FI_DEV_FB_FREE');
  });

  it('leaves out the online service panels for batch scoring, and keeps the drift it publishes', () => {
    const batchGpu = files({ framework: 'pytorch', training: accelerator('a100-80gb'), serving: serving({ mode: 'batch' }) });
    expect(rowTitles(batchGpu.dashboard)).toEqual(['Drift', 'GPU']);
    expect(batchGpu.groups!.map((g) => g.name)).toEqual(['churn-model-drift', 'churn-model-gpu']);
    const batchCpu = files({ serving: serving({ mode: 'batch' }) });
    expect(rowTitles(batchCpu.dashboard)).toEqual(['Drift']);
    expect(batchCpu.groups!.flatMap((g) => g.rules.map((r) => r.alert))).toEqual(['ChurnModelFeatureDriftWarning', 'ChurnModelFeatureDriftUnknown', 'ChurnModelFeatureDriftCritical']);
  });

  it('writes nothing when monitoring is disabled, and the same bytes every time', () => {
    expect(files({ monitoring: false }).paths).toEqual([]);
    expect(synthesizeObservability(project())).toEqual(synthesizeObservability(project()));
  });
});
