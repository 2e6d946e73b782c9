import { drift as driftThresholds } from '../declaration/monitoring.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { environment } from '../declaration/environment.js';
import { defineMlProject } from '../declaration/project.js';
import { serving } from '../declaration/serving.js';
import { withNotice } from '../synth/artifact.js';
import { BATCH_JOB_SPEC, ONLINE_DEPLOYMENT_SPEC, TRAINING_JOB_SPEC } from '../clouds/by-cloud.js';
import { validateCicd } from '../testing/validate-cicd.js';
import { planCicd, synthesizeCicd } from './index.js';
import { allCombinations, projectFor, type Combination } from '../testing/cicd-projects.js';

const files = (c: Combination, overrides?: Parameters<typeof projectFor>[1]) =>
  new Map(synthesizeCicd(projectFor(c, overrides)).map(withNotice).map((a) => [a.path, a.content]));
const all = (map: Map<string, string>) => [...map.values()].join('\n');

/** The options a declaration was made from, to declare a variant of it. */
const optionsOf = (c: Combination) => {
  const { apiVersion: _a, packageName: _p, access: _x, monitoring, ...options } = projectFor(c);
  return { ...options, slo: { latencyP95Ms: monitoring.latencyP95Ms, errorRatePercent: monitoring.errorRatePercent }, monitoring: monitoring.enabled };
};

const label = (c: Combination) => `${c.cloud} × ${c.cicd} × ${c.mode} × ${c.training}`;

describe('synthesizeCicd: every combination passes validateCicd', () => {
  it.each(allCombinations().map((c) => [label(c), c] as const))('%s', async (_, c) => {
    const out = files(c);
    expect(await validateCicd(out)).toEqual([]);
    const text = all(out);
    expect(text).toContain(TRAINING_JOB_SPEC[c.cloud]);
    expect(text.includes(ONLINE_DEPLOYMENT_SPEC[c.cloud])).toBe(c.mode !== 'batch');
    expect(text.includes(BATCH_JOB_SPEC[c.cloud])).toBe(c.mode !== 'online');
    for (const env of ['dev', 'staging', 'prod']) expect(text).toContain(`-var-file=environments/${env}.tfvars`);
  });
});

describe('synthesizeCicd', () => {
  const base: Combination = { cloud: 'aws', cicd: 'github-actions', mode: 'online', training: 'cpu' };

  it('writes the agreed files of each system', () => {
    expect([...files(base).keys()]).toEqual(['ci', 'train', 'deploy', 'drift-check'].map((n) => `.github/workflows/${n}.yml`));
    expect([...files({ ...base, cicd: 'azure-pipelines' }).keys()]).toEqual(['ci', 'train', 'deploy', 'drift-check'].map((n) => `.azure-pipelines/${n}.yml`));
    expect([...files({ ...base, cicd: 'gitlab-ci' }).keys()]).toEqual(['.gitlab-ci.yml', '.gitlab/ci/ci.yml', '.gitlab/ci/train.yml', '.gitlab/ci/drift-check.yml', '.gitlab/ci/no-retrain.yml']);
  });

  it('is deterministic', () => {
    expect(synthesizeCicd(projectFor(base))).toEqual(synthesizeCicd(projectFor(base)));
  });

  it('runs the CI checks: ruff, pytest, train and gate, npm checks, terraform fmt and validate', () => {
    const ci = files(base).get('.github/workflows/ci.yml')!;
    for (const command of ['ruff check .', 'python -m pytest -q', 'python -m churn_model train', 'python -m churn_model evaluate', 'npm ci', 'npm run typecheck', 'npm run synth -- --check', 'fmt -check', 'init -backend=false', 'terraform -chdir=infra validate']) {
      expect(ci).toContain(command);
    }
  });

  it('deploys in promotion order, the first environment after the gate, only approval environments held', () => {
    const project = defineMlProject({
      ...optionsOf(base),
      environments: [environment('dev'), environment('qa', { approval: true }), environment('prod')],
      promotion: ['dev', 'qa', 'prod'],
      serving: serving({ mode: 'online' }),
    });
    const byPath = new Map(synthesizeCicd(project).map((a) => [a.path, a.content]));
    const deploy = parse(byPath.get('.github/workflows/deploy.yml')!);
    expect(Object.keys(deploy.jobs)).toEqual(['deploy_dev', 'deploy_qa', 'deploy_prod']);
    expect(deploy.jobs.deploy_qa.needs).toEqual(['deploy_dev']);
    expect(deploy.jobs.deploy_prod.environment).toBe('prod');
    expect(parse(byPath.get('.github/workflows/train.yml')!).jobs.deploy.needs).toEqual(['gate']);
    const gitlab = parse(synthesizeCicd({ ...project, cicd: 'gitlab-ci' }).find((a) => a.path === '.gitlab/ci/train.yml')!.content);
    expect(gitlab.deploy_dev.needs).toEqual(['gate']);
    expect(gitlab.deploy_dev.rules[0].when).toBeUndefined();
    expect(gitlab.deploy_qa.rules[0].when).toBe('manual');
    const azure = parse(synthesizeCicd({ ...project, cicd: 'azure-pipelines' }).find((a) => a.path === '.azure-pipelines/deploy.yml')!.content);
    expect(azure.stages.map((s: { dependsOn: string[] }) => s.dependsOn[0])).toEqual(['gate', 'deploy_dev', 'deploy_qa']);
  });

  it('schedules retraining only when the declaration has a schedule', () => {
    expect(parse(files(base).get('.github/workflows/train.yml')!).on.schedule).toEqual([{ cron: '0 3 * * 1' }]);
    expect(parse(files(base, { schedule: null }).get('.github/workflows/train.yml')!).on.schedule).toBeUndefined();
    expect(parse(files({ ...base, cicd: 'azure-pipelines' }, { schedule: null }).get('.azure-pipelines/train.yml')!).schedules).toBeUndefined();
  });

  it('starts retraining from the drift check only when retrainOnDrift', async () => {
    const github = parse(files(base).get('.github/workflows/drift-check.yml')!);
    expect(github.jobs.retrain.permissions).toEqual({ actions: 'write' });
    expect(github.jobs.drift.permissions).toBeUndefined();
    expect(parse(files(base, { retrainOnDrift: false }).get('.github/workflows/drift-check.yml')!).jobs.retrain).toBeUndefined();
    const gitlab = files({ ...base, cicd: 'gitlab-ci' }, { retrainOnDrift: false });
    expect(gitlab.has('.gitlab/ci/no-retrain.yml')).toBe(false);
    expect(parse(gitlab.get('.gitlab/ci/drift-check.yml')!).retrain).toBeUndefined();
    expect(await validateCicd(gitlab)).toEqual([]);
  });

  it('compares the drift metric with the declared critical PSI', () => {
    const project = defineMlProject({ ...optionsOf(base), drift: driftThresholds({ critical: 0.4 }) });
    const drift = synthesizeCicd(project).find((a) => a.path.endsWith('drift-check.yml'))!.content;
    expect(drift).toContain('feature_drift_psi');
    expect(drift).toContain('psi > 0.4');
  });

  it("queries this project's drift only, and fails rather than report no drift when there is none", () => {
    const run = planCicd(projectFor(base)).driftCheck.jobs[0]!.steps[0]!.run;
    expect(run).toMatch(/--data-urlencode 'query=max\(max by \(feature\) \(.*feature_drift_psi\{job="churn-model"/);
    expect(run).not.toContain('// "0"');
    expect(run).toMatch(/if \[ -z "\$psi" \]; then\n.*drift is unknown" >&2\n {2}exit 1\nfi/);
  });
});
