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
import { runVariables, type CicdPlan, type CiStep, type JobSpec, type PipelineSpec, type RunArtifact } from './model.js';
import { deployerOf } from './infrastructure.js';
import { installDockerCli, installEnvsubst, installJq, installTerraform } from './toolchains.js';
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

/** Docker in a job: the CLI in the job's image, the daemon in a docker:dind service beside it, over TLS (the runner must allow privileged services). */
const DOCKER_SERVICE = { name: 'docker:27-dind', alias: 'docker' };
const DOCKER_VARIABLES = { DOCKER_HOST: 'tcp://docker:2376', DOCKER_TLS_CERTDIR: '/certs', DOCKER_CERT_PATH: '/certs/client', DOCKER_TLS_VERIFY: '1' };

/** Pushing to the project's GitLab container registry with the job's own token, for clouds that have no registry. */
const GITLAB_REGISTRY_LOGIN = 'printf \'%s\' "$CI_JOB_TOKEN" | docker login "${IMAGE_REGISTRY%%/*}" --username gitlab-ci-token --password-stdin';

/** The job of the pipeline file that publishes each run artifact, with the path it uploads. */
type Publishers = ReadonlyMap<string, { job: string; artifact: RunArtifact }>;

function stepScript(step: CiStep, auth: string[]): string {
  return [...auth, ...(step.ciRegistry ? [GITLAB_REGISTRY_LOGIN] : []), step.run].join('\n');
}

function script(project: ProjectDeclaration, job: JobSpec, publishers: Publishers = new Map()): string[] {
  const login = job.login;
  const ci = login ? cloudAdapter(login.cloud).ci : undefined;
  const setup: string[] = [];
  if (job.toolchains.includes('terraform')) setup.push(...installTerraform());
  if (job.toolchains.includes('docker')) setup.push(...installDockerCli());
  if (job.toolchains.includes('cloud-cli') && ci) setup.push(...installEnvsubst(), ...ci.installCli());
  if (ci && login) setup.push(...ci.login(TOKEN, login.region));
  // Artifacts of a needed job land at the path they were uploaded from.
  const source = job.consumes ? publishers.get(job.consumes.name) : undefined;
  if (job.consumes && source) setup.push(`mkdir -p ${job.consumes.path}`, `cp -R ${source.artifact.path}/. ${job.consumes.path}/`);
  const steps = job.steps.map((step) => {
    const deployer = ci && deployerOf(ci, step);
    // The job's script entries share one shell: the deployer's identity stays inside a subshell.
    if (deployer) return `(\n${stepScript(step, deployer.auth(TOKEN))}\n)`;
    return stepScript(step, step.terraform && ci ? ci.terraformAuth(TOKEN) : []);
  });
  return [...(setup.length > 0 ? [setup.join('\n')] : []), ...steps];
}

/** `needs`, naming the publisher of the artifact the job consumes so its files are downloaded. */
function needsOf(job: JobSpec, publishers: Publishers): unknown[] {
  const source = job.consumes ? publishers.get(job.consumes.name) : undefined;
  return source && !job.needs.includes(source.job) ? [...job.needs, { job: source.job, artifacts: true }] : job.needs;
}

function renderJob(project: ProjectDeclaration, pipeline: PipelineSpec, job: JobSpec, publishers: Publishers = new Map()): Record<string, unknown> {
  const stage = job.id === 'gate' ? 'gate' : STAGE_OF[pipeline.id]!;
  const rules =
    pipeline.id === 'ci'
      ? [{ if: '$PIPELINE', when: 'never' }, { when: 'on_success' }]
      : // A person starts a deployment that needs approval; the environment is protected in GitLab.
        runsWhen('train', job.environment?.approval ? 'manual' : undefined);
  const docker = job.toolchains.includes('docker');
  const variables = { ...(job.login ? runVariables(project, '$CI_PIPELINE_ID', '$CI_COMMIT_SHA') : {}), ...(docker ? DOCKER_VARIABLES : {}) };
  return {
    stage,
    image: image(job),
    ...(job.needs.length > 0 ? { needs: needsOf(job, publishers) } : {}),
    rules,
    ...(job.login ? { id_tokens: { [TOKEN]: { aud: cloudAdapter(job.login.cloud).ci.oidcAudience } } } : {}),
    ...(Object.keys(variables).length > 0 ? { variables } : {}),
    ...(docker ? { services: [{ ...DOCKER_SERVICE }] } : {}),
    ...(job.environment ? { environment: { name: job.environment.name } } : {}),
    // A resource group runs its jobs one at a time across pipelines, in order.
    ...(job.concurrency ? { resource_group: job.concurrency } : {}),
    script: script(project, job, publishers),
    ...(job.publishes ? { artifacts: { paths: [job.publishes.path], expire_in: '30 days' } } : {}),
  };
}

const jobsOf = (project: ProjectDeclaration, pipeline: PipelineSpec, publishers: Publishers = new Map()) =>
  Object.fromEntries(pipeline.jobs.map((job) => [job.id, renderJob(project, pipeline, job, publishers)]));

function driftJobs(project: ProjectDeclaration, drift: PipelineSpec): Record<string, unknown> {
  const check = drift.jobs[0]!;
  const job = { ...renderJob(project, drift, check), rules: runsWhen('drift-check'), script: [installJq().join('\n'), ...script(project, check)] };
  if (!drift.retrainOnDrift) return { [check.id]: job };
  // The child pipeline is chosen at run time: the training pipeline on critical drift, a no-op otherwise.
  job.script.push(`if [ "$DRIFT_CRITICAL" = true ]; then cp ${file('train')} retrain.yml; else cp ${file('no-retrain')} retrain.yml; fi`);
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
  const publishers: Publishers = new Map(plan.train.jobs.flatMap((job) => (job.publishes ? [[job.publishes.name, { job: job.id, artifact: job.publishes }] as const] : [])));
  const train = { stages: ['train', 'gate', 'deploy'], ...jobsOf(project, plan.train), ...jobsOf(project, plan.deploy, publishers) };
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
