/**
 * GitLab CI rendering of the plan: `.gitlab-ci.yml` includes `.gitlab/ci/{ci,train,drift-check}.yml`.
 * The pipeline kind is chosen by the `PIPELINE` variable: empty for CI (pushes and merge requests), `train`
 * or `drift-check` for pipeline schedules and manual runs. train.yml holds training, gate and deployments
 * and is self-contained, so the drift check can also start it as a child pipeline.
 * Cloud login: `id_tokens` (a short-lived OIDC token per job) exchanged with the cloud's federation.
 */
import { cloudAdapter } from '../clouds/index.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import type { Artifact } from '../synth/artifact.js';
import type { CicdPlan, JobSpec, PipelineSpec } from './model.js';
import { installJq, installTerraform } from './toolchains.js';
import { toYaml, type KeyComment } from './yaml.js';

export const GITLAB_CI_FILE = '.gitlab-ci.yml';
export const GITLAB_CI_DIR = '.gitlab/ci';
const TOKEN = 'CLOUD_ID_TOKEN';
const STAGES = ['test', 'train', 'gate', 'deploy', 'drift'];
const STAGE_OF: Record<string, string> = { ci: 'test', train: 'train', gate: 'gate', deploy: 'deploy', 'drift-check': 'drift' };

const file = (name: string) => `${GITLAB_CI_DIR}/${name}.yml`;
const runsWhen = (pipeline: string, when?: string) => [{ if: `$PIPELINE == "${pipeline}"`, ...(when ? { when } : {}) }];

function image(job: JobSpec): string {
  return job.toolchains.includes('node') ? 'node:20-bookworm' : 'python:3.11-bookworm';
}

function script(project: ProjectDeclaration, job: JobSpec): string[] {
  const login = job.login;
  const ci = login ? cloudAdapter(login.cloud).ci : undefined;
  const setup: string[] = [];
  if (job.toolchains.includes('terraform')) setup.push(...installTerraform());
  if (job.toolchains.includes('cloud-cli') && ci) setup.push(...ci.installCli());
  if (ci && login) setup.push(...ci.login(TOKEN, login.region));
  const steps = job.steps.map((step) => [...(step.terraform && ci ? ci.terraformAuth(TOKEN) : []), step.run].join('\n'));
  return [...(setup.length > 0 ? [setup.join('\n')] : []), ...steps];
}

function renderJob(project: ProjectDeclaration, pipeline: PipelineSpec, job: JobSpec): Record<string, unknown> {
  const stage = job.id === 'gate' ? 'gate' : STAGE_OF[pipeline.id]!;
  const rules =
    pipeline.id === 'ci'
      ? [{ if: '$PIPELINE', when: 'never' }, { when: 'on_success' }]
      : // A person starts a deployment that needs approval; the environment is protected in GitLab.
        runsWhen('train', job.environment?.approval ? 'manual' : undefined);
  return {
    stage,
    image: image(job),
    ...(job.needs.length > 0 ? { needs: job.needs } : {}),
    rules,
    ...(job.login ? { id_tokens: { [TOKEN]: { aud: cloudAdapter(job.login.cloud).ci.oidcAudience } }, variables: { RUN_ID: `${project.name}-$CI_PIPELINE_ID` } } : {}),
    ...(job.environment ? { environment: { name: job.environment.name }, resource_group: job.environment.name } : {}),
    script: script(project, job),
  };
}

const jobsOf = (project: ProjectDeclaration, pipeline: PipelineSpec) => Object.fromEntries(pipeline.jobs.map((job) => [job.id, renderJob(project, pipeline, job)]));

function driftJobs(project: ProjectDeclaration, drift: PipelineSpec): Record<string, unknown> {
  const check = drift.jobs[0]!;
  const job = { ...renderJob(project, drift, check), rules: runsWhen('drift-check'), script: [installJq().join('\n'), ...script(project, check)] };
  if (!drift.retrainOnDrift) return { [check.id]: job };
  // The child pipeline is chosen at run time: the training pipeline on critical drift, a no-op otherwise.
  (job.script as string[]).push(`if [ "$DRIFT_CRITICAL" = true ]; then cp ${file('train')} retrain.yml; else cp ${file('no-retrain')} retrain.yml; fi`);
  return {
    [check.id]: { ...job, artifacts: { paths: ['retrain.yml'], expire_in: '1 day' } },
    retrain: {
      stage: 'drift',
      needs: [check.id],
      rules: runsWhen('drift-check'),
      variables: { PIPELINE: 'train' },
      trigger: { include: [{ artifact: 'retrain.yml', job: check.id }], strategy: 'depend' },
    },
  };
}

const APPROVAL_COMMENT: KeyComment = {
  key: 'when',
  value: 'manual',
  comment: 'Approval: a person starts this deployment; protect its environment (Settings > CI/CD > Protected environments) so only approvers can.',
};

/** `.gitlab-ci.yml` and its includes. */
export function gitlabCi(project: ProjectDeclaration, plan: CicdPlan): Artifact[] {
  const schedules = [
    ...plan.train.schedules.map((cron) => `"${cron}" with PIPELINE=train (retraining)`),
    ...plan.driftCheck.schedules.map((cron) => `"${cron}" with PIPELINE=drift-check`),
  ];
  const root = {
    workflow: {
      rules: [
        { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' },
        // One pipeline per change: a branch with an open merge request runs as the merge request pipeline.
        { if: '$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS', when: 'never' },
        { if: '$CI_COMMIT_BRANCH' },
      ],
    },
    stages: STAGES,
    variables: { PIPELINE: { value: '', description: 'Empty for CI; "train" to retrain and deploy; "drift-check" to check drift.' } },
    include: ['ci', 'train', 'drift-check'].map((name) => ({ local: file(name) })),
  };
  const rootComments: KeyComment[] = [{ key: 'workflow', comment: `Pipeline schedules (Build > Pipeline schedules, UTC): ${schedules.join('; ')}.` }];
  const train = { stages: ['train', 'gate', 'deploy'], ...jobsOf(project, plan.train), ...jobsOf(project, plan.deploy) };
  const artifacts: Artifact[] = [
    { path: GITLAB_CI_FILE, content: toYaml(root, rootComments) },
    { path: file('ci'), content: toYaml(jobsOf(project, plan.ci)) },
    { path: file('train'), content: toYaml(train, [APPROVAL_COMMENT]) },
    { path: file('drift-check'), content: toYaml(driftJobs(project, plan.driftCheck)) },
  ];
  if (plan.driftCheck.retrainOnDrift) {
    artifacts.push({ path: file('no-retrain'), content: toYaml({ no_drift: { image: 'busybox:1.36', script: ['echo "No critical drift: nothing to retrain."'] } }) });
  }
  return artifacts;
}
