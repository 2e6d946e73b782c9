import { describe, expect, it } from 'vitest';
import { environment } from '../declaration/environment.js';
import { accelerator } from '../declaration/compute.js';
import { defineMlProject, type ProjectOptions } from '../declaration/project.js';
import { serving } from '../declaration/serving.js';
import { withNotice } from '../synth/artifact.js';
import { organisationDashboard, synthesizeObservability } from '../observability/index.js';
import { validateObservability } from './validate-observability.js';

const synth = (overrides: Partial<ProjectOptions> = {}) =>
  new Map(
    synthesizeObservability(
      defineMlProject({
        name: 'fraud', description: 'Flags fraud', team: 'risk', cloud: 'kubernetes', cicd: 'gitlab-ci', framework: 'pytorch',
        environments: [environment('dev'), environment('staging'), environment('prod')], serving: serving({ mode: 'both' }), ...overrides,
      }),
    ).map(withNotice).map((a) => [a.path, a.content]),
  );

const RULES = 'monitoring/alerts/fraud.rules.yml';
const DASHBOARD = 'monitoring/dashboards/fraud-service.json';

describe('validateObservability', () => {
  it('accepts what synth writes, on CPU and on GPU', async () => {
    expect(await validateObservability(synth())).toEqual([]);
    const gpuFiles = synth({ training: accelerator('t4'), serving: serving({ mode: 'online', compute: accelerator('t4') }) });
    expect([...gpuFiles.keys()]).toEqual([DASHBOARD, RULES]);
    expect(await validateObservability(gpuFiles)).toEqual([]);
  });

  it('reports a dashboard query of a metric no declared source exports', async () => {
    const files = synth();
    files.set(DASHBOARD, files.get(DASHBOARD)!.replace('predictions_total', 'predictions_count_total'));
    expect(await validateObservability(files)).toEqual([
      `${DASHBOARD}: panel "Predictions by class": metric "predictions_count_total" is not exported by any declared metric source`,
    ]);
  });

  it('reports a rule metric outside the declared sources, and a dashboard that is not JSON', async () => {
    const files = synth();
    files.set(RULES, files.get(RULES)!.replace('absent(up{', 'absent(target_up{'));
    files.set(DASHBOARD, '{"title": ');
    const problems = await validateObservability(files);
    expect(problems).toContainEqual(`${RULES}: rule FraudServiceDown: metric "target_up" is not exported by any declared metric source`);
    expect(problems.some((p) => p.startsWith(`${DASHBOARD}: not JSON`))).toBe(true);
  });

  it('runs promtool: an invalid expression or duration fails', async () => {
    const files = synth();
    files.set(RULES, files.get(RULES)!.replace(/for: 10m/, 'for: ten minutes').replace('> 0.01', '> > 0.01'));
    const problems = await validateObservability(files);
    expect(problems.some((p) => p.startsWith(`${RULES}: promtool check rules:`))).toBe(true);
    expect(problems.some((p) => p.startsWith(`${RULES}: schema: /groups/0/rules/`))).toBe(true);
  });

  it('checks rule files against the Prometheus rules schema', async () => {
    const problems = await validateObservability(new Map([[RULES, 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n        severity: page\n']]));
    expect(problems).toContainEqual(`${RULES}: schema: /groups/0/rules/0 must NOT have additional properties`);
    expect(problems.some((p) => p.includes('promtool check rules'))).toBe(true);
  });

  it('accepts the organisation dashboard, and reports a variable or a query Prometheus would refuse', async () => {
    const path = 'monitoring/dashboards/organisation.json';
    const content = JSON.stringify(organisationDashboard(), null, 2);
    expect(await validateObservability(new Map([[path, content]]))).toEqual([]);
    const broken = content.replace('label_values(model_info, job)', 'label_values(model_information, job)').replace('sum by (namespace) (kube_resourcequota', 'sum by (namespace) ((kube_resourcequota');
    const problems = await validateObservability(new Map([[path, broken]]));
    expect(problems).toContainEqual(`${path}: variable "project": metric "model_information" is not exported by any declared metric source`);
    expect(problems.some((p) => p.startsWith(`${path}: promtool check rules:`) && p.includes('dashboard:query_'))).toBe(true);
  });

  it('checks dashboard queries with promtool', async () => {
    const files = synth();
    files.set(DASHBOARD, files.get(DASHBOARD)!.replace('histogram_quantile(0.5, ', 'histogram_quantile(0.5 '));
    const problems = await validateObservability(files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${DASHBOARD}: promtool check rules: .*dashboard:query_`, 's'));
  });
});
