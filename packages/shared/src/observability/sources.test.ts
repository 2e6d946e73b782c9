/**
 * Monitoring sees what each platform exposes: a cluster's service is scraped, a managed endpoint's pushes
 * to the Pushgateway (it exposes no /metrics), batch scoring pushes its drift everywhere; every query
 * selects this project; and drift with no data is an alert. The rules are run by `promtool test rules`
 * on series as Prometheus would hold them, scraped or pushed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CLOUDS, type Cloud } from '../declaration/common.js';
import { environment } from '../declaration/environment.js';
import { defineMlProject, type ProjectDeclaration } from '../declaration/project.js';
import { serving } from '../declaration/serving.js';
import { alertRuleGroups, type AlertRule } from './alerts.js';
import { dashboardRows } from './dashboard.js';
import { metricNames } from './promql.js';
import { PUSHGATEWAY_METRICS, SERVICE_METRICS } from './metrics.js';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'promtool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const project = (cloud: Cloud, mode: 'online' | 'batch' | 'both' = 'online'): ProjectDeclaration =>
  defineMlProject({
    name: 'churn-model', description: 'Predicts churn', team: 'growth', cloud, cicd: 'github-actions', framework: 'sklearn',
    environments: [environment('dev'), environment('prod')], serving: serving({ mode }),
  });

/** Every PromQL expression of the project's rules and panels. */
const expressions = (p: ProjectDeclaration): string[] => [
  ...alertRuleGroups(p).flatMap((group) => group.rules.map((rule) => rule.expr)),
  ...dashboardRows(p).flatMap((row) => row.panels.flatMap((panel) => panel.targets.map((target) => target.expr))),
];

describe('every query selects this project', () => {
  const ours = new Set([...SERVICE_METRICS.metrics, ...PUSHGATEWAY_METRICS.metrics]);
  it.each(CLOUDS)('%s', (cloud) => {
    for (const expr of expressions(project(cloud, 'both'))) {
      // Each selector of a service or Pushgateway metric carries the project's job.
      for (const match of expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?/g)) {
        if (!ours.has(match[1]!) || !metricNames(expr).includes(match[1]!)) continue;
        expect(match[2], `${match[1]} in ${expr}`).toContain('job="churn-model"');
      }
    }
  });
});

describe('the service is watched where its platform exposes it', () => {
  const down = (p: ProjectDeclaration) => alertRuleGroups(p).flatMap((g) => g.rules).find((rule) => rule.alert === 'ChurnModelServiceDown')!.expr;

  it('a cluster is scraped', () => {
    expect(down(project('kubernetes'))).toBe('absent(up{job="churn-model"} == 1)');
  });

  it.each(['azure', 'aws', 'gcp'] as const)('a managed endpoint on %s pushes, and a replica that stops pushing counts as down', (cloud) => {
    expect(down(project(cloud))).toBe('absent(time() - push_time_seconds{job="churn-model", instance!="batch"} < 120)');
  });
});

interface Series {
  series: string;
  values: string;
}

/** What `promtool test rules` expects of an alert at `at`: the firing alerts' labels and rendered annotations. */
function expectAlert(rule: AlertRule, at: string, firing: { feature?: string; value?: string }[]) {
  const render = (text: string, alert: { feature?: string; value?: string }) =>
    text.replaceAll('{{ $labels.feature }}', alert.feature ?? '').replaceAll('{{ $value }}', alert.value ?? '');
  return {
    eval_time: at,
    alertname: rule.alert,
    exp_alerts: firing.map((alert) => ({
      exp_labels: { ...rule.labels, ...(alert.feature ? { feature: alert.feature } : {}) },
      exp_annotations: Object.fromEntries(Object.entries(rule.annotations).map(([key, text]) => [key, render(text, alert)])),
    })),
  };
}

/** Runs `promtool test rules` on the project's rules with `series` over 8 hours, minute by minute. */
async function promtool(p: ProjectDeclaration, series: Series[], expectations: (rules: (name: string) => AlertRule) => object[]): Promise<void> {
  const rules = alertRuleGroups(p);
  const byName = (name: string) => rules.flatMap((g) => g.rules).find((rule) => rule.alert === `ChurnModel${name}`)!;
  const dir = mkdtempSync(join(work, 'case-'));
  writeFileSync(join(dir, 'rules.yml'), stringify({ groups: rules }, { lineWidth: 0 }));
  writeFileSync(
    join(dir, 'test.yml'),
    stringify({ rule_files: ['rules.yml'], evaluation_interval: '1m', tests: [{ interval: '1m', input_series: series, alert_rule_test: expectations(byName) }] }, { lineWidth: 0 }),
  );
  const result = await run('promtool', ['test', 'rules', join(dir, 'test.yml')]).catch((error: { stdout: string; stderr: string }) => error);
  expect(`${result.stdout}${result.stderr}`).toContain('SUCCESS');
}

/** A value for every minute of 8 hours: constant, or (`'now'`) the minute's own timestamp, as push_time_seconds of a replica pushing all along. */
const minutes = (value: number | 'now') => (value === 'now' ? '0+60x480' : `${value}x480`);

describe('drift alerts, run by promtool on scraped and pushed series', () => {
  it('a pushed PSI above critical fires the retraining alert; a replica that stopped pushing is left out', async () => {
    await promtool(
      project('aws'),
      [
        { series: 'feature_drift_psi{job="churn-model", instance="replica-a", feature="contract"}', values: minutes(0.4) },
        { series: 'push_time_seconds{job="churn-model", instance="replica-a"}', values: minutes('now') },
        // Pushed once at the start, then gone: its 0.9 must not count.
        { series: 'feature_drift_psi{job="churn-model", instance="replica-b", feature="tenure"}', values: minutes(0.9) },
        { series: 'push_time_seconds{job="churn-model", instance="replica-b"}', values: minutes(0) },
      ],
      (rule) => [
        expectAlert(rule('FeatureDriftCritical'), '60m', [{ feature: 'contract', value: '0.4' }]),
        expectAlert(rule('FeatureDriftUnknown'), '7h', []),
      ],
    );
  });

  it('batch scoring pushes the drift of what it scored; it reaches the alerts of a batch-only project', async () => {
    await promtool(
      project('azure', 'batch'),
      [
        // Each run replaces the group: its PSI stays until the next run, however long ago the push was.
        { series: 'feature_drift_psi{job="churn-model", instance="batch", feature="contract"}', values: minutes(0.3) },
        { series: 'push_time_seconds{job="churn-model", instance="batch"}', values: minutes(0) },
      ],
      (rule) => [expectAlert(rule('FeatureDriftCritical'), '7h', [{ feature: 'contract', value: '0.3' }])],
    );
  });

  it('a scraped PSI of another project does not count for this one: with none of its own, drift is unknown', async () => {
    await promtool(
      project('kubernetes'),
      [{ series: 'feature_drift_psi{job="another-model", instance="10.0.0.7:8000", feature="contract"}', values: minutes(0.9) }],
      (rule) => [
        expectAlert(rule('FeatureDriftCritical'), '7h', []),
        expectAlert(rule('FeatureDriftUnknown'), '5h', []),
        expectAlert(rule('FeatureDriftUnknown'), '7h', [{}]),
      ],
    );
  });
});
