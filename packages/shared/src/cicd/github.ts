/**
 * GitHub Actions rendering of the plan: `.github/workflows/{ci,train,deploy,drift-check}.yml`.
 * Least privilege: the workflow token reads contents only; a job that logs in to the cloud also gets
 * `id-token: write` (to request its OIDC token), and only the job that starts retraining gets `actions: write`.
 */
import type { CloudCi } from '../clouds/adapter.js';
import { cloudAdapter } from '../clouds/index.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import type { Artifact } from '../synth/artifact.js';
import { runVariables, type CicdPlan, type CiStep, type JobSpec, type PipelineSpec } from './model.js';
import { TERRAFORM_VERSION, uses } from './pins.js';
import { deployerOf } from './infrastructure.js';
import { GATE_JOB } from './stages.js';
import { toYaml, type KeyComment } from './yaml.js';

export const GITHUB_WORKFLOWS_DIR = '.github/workflows';
const PYTHON_VERSION = '3.11';
const NODE_VERSION = '20';

type Step = Record<string, unknown>;

function toolchainSteps(job: JobSpec): Step[] {
  const steps: Step[] = [{ uses: uses('actions/checkout') }];
  if (job.toolchains.includes('python')) steps.push({ uses: uses('actions/setup-python'), with: { 'python-version': PYTHON_VERSION, cache: 'pip' } });
  if (job.toolchains.includes('node')) steps.push({ uses: uses('actions/setup-node'), with: { 'node-version': NODE_VERSION, cache: 'npm' } });
  if (job.toolchains.includes('terraform')) {
    steps.push({ uses: uses('hashicorp/setup-terraform'), with: { terraform_version: TERRAFORM_VERSION, terraform_wrapper: false } });
  }
  return steps;
}

/** Pushing to GitHub's own registry (ghcr.io) with the job's token, for clouds that have no registry. */
const GHCR_LOGIN = 'printf \'%s\' "$GITHUB_TOKEN" | docker login "${IMAGE_REGISTRY%%/*}" --username "$GITHUB_ACTOR" --password-stdin';

/** A job's write scopes beyond the read-only default: its OIDC token, and packages for ghcr.io pushes. */
function jobPermissions(job: JobSpec): Record<string, string> | undefined {
  if (!job.login) return undefined;
  const ghcr = job.steps.some((step) => step.ciRegistry);
  return { contents: 'read', 'id-token': 'write', ...(ghcr ? { packages: 'write' } : {}) };
}

/** The deployer's own OIDC token, requested from the runner: the login actions keep theirs to themselves. */
const DEPLOYER_TOKEN = 'DEPLOYER_OIDC_TOKEN';

/** What hands a step's Terraform its identity: the deployer's with a token of its own, or the job's login. */
function terraformAuth(ci: CloudCi, step: CiStep): string[] {
  const deployer = deployerOf(ci, step);
  if (!deployer) return step.terraform ? ci.terraformAuth(undefined) : [];
  return [
    `${DEPLOYER_TOKEN}=$(curl --fail --silent --show-error --header "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=${ci.oidcAudience}" | jq -r .value)`,
    `echo "::add-mask::$${DEPLOYER_TOKEN}"`,
    ...deployer.auth(DEPLOYER_TOKEN),
  ];
}

function renderStep(step: CiStep, auth: string[]): Step {
  const run = [...auth, ...(step.ciRegistry ? [GHCR_LOGIN] : []), step.run].join('\n');
  return { id: step.id, name: step.name, ...(step.ciRegistry ? { env: { GITHUB_TOKEN: '${{ github.token }}' } } : {}), run };
}

function renderJob(project: ProjectDeclaration, job: JobSpec): Record<string, unknown> {
  const env: Record<string, string> = {};
  for (const name of job.variables) env[name] = `\${{ vars.${name} }}`;
  if (job.login) Object.assign(env, runVariables(project, '${{ github.run_id }}', '${{ github.sha }}'));
  const ci = job.login ? cloudAdapter(job.login.cloud).ci : undefined;
  // The cloud's official login action, or a token requested from the runner where it has none.
  const steps = [...toolchainSteps(job), ...(ci && job.login ? ci.githubLogin(job.login.region) : [])];
  if (job.consumes) steps.push({ name: `Download ${job.consumes.name}`, uses: uses('actions/download-artifact'), with: { name: job.consumes.name, path: job.consumes.path } });
  // The azurerm provider requests its own OIDC token from the runner (ARM_USE_OIDC).
  for (const step of job.steps) steps.push(renderStep(step, ci ? terraformAuth(ci, step) : []));
  if (job.publishes) {
    steps.push({ name: `Upload ${job.publishes.name}`, uses: uses('actions/upload-artifact'), with: { name: job.publishes.name, path: job.publishes.path, 'if-no-files-found': 'error' } });
  }
  const permissions = jobPermissions(job);
  return {
    name: job.name,
    ...(job.needs.length > 0 ? { needs: job.needs } : {}),
    'runs-on': 'ubuntu-latest',
    ...(permissions ? { permissions } : {}),
    ...(job.environment ? { environment: job.environment.name } : {}),
    // A later run waits for the running one; a deployment is never cancelled half-way.
    ...(job.concurrency ? { concurrency: { group: job.concurrency, 'cancel-in-progress': false } } : {}),
    ...(Object.keys(env).length > 0 ? { env } : {}),
    steps,
  };
}

function triggers(pipeline: PipelineSpec): Record<string, unknown> {
  const on: Record<string, unknown> = {};
  if (pipeline.onPushAndPullRequest) Object.assign(on, { push: { branches: ['main'] }, pull_request: { branches: ['main'] } });
  if (pipeline.manual) on.workflow_dispatch = {};
  if (pipeline.schedules.length > 0) on.schedule = pipeline.schedules.map((cron) => ({ cron }));
  return on;
}

function workflow(pipeline: PipelineSpec, on: Record<string, unknown>, jobs: Record<string, unknown>): Record<string, unknown> {
  return { name: pipeline.name, on, permissions: { contents: 'read' }, defaults: { run: { shell: 'bash' } }, jobs };
}

/** Jobs of one workflow; a need outside it (deploy's on the gate) is met by the calling workflow's `needs`. */
function renderJobs(project: ProjectDeclaration, pipeline: PipelineSpec): Record<string, unknown> {
  const ids = new Set(pipeline.jobs.map((job) => job.id));
  return Object.fromEntries(pipeline.jobs.map((job) => [job.id, renderJob(project, { ...job, needs: job.needs.filter((id) => ids.has(id)) })]));
}

function approvalComments(project: ProjectDeclaration): KeyComment[] {
  return project.environments
    .filter((env) => env.approval)
    .map((env) => ({
      key: 'environment',
      value: env.name,
      comment: `Deployments wait for approval when "${env.name}" has required reviewers (Settings > Environments > ${env.name} > Deployment protection rules).`,
    }));
}

/** The four workflow files. Deploy is a reusable workflow that train.yml calls once the gate passed. */
export function githubWorkflows(project: ProjectDeclaration, plan: CicdPlan): Artifact[] {
  const file = (name: string) => `${GITHUB_WORKFLOWS_DIR}/${name}.yml`;
  const trainJobs = {
    ...renderJobs(project, plan.train),
    deploy: {
      name: 'Deploy',
      // Only a challenger the gate promoted (evaluate exit code 0) is deployed.
      needs: [GATE_JOB],
      // A called workflow's jobs get at most what its caller grants.
      permissions: plan.deploy.jobs.reduce<Record<string, string>>((all, job) => ({ ...all, ...jobPermissions(job) }), {}),
      uses: `./${file('deploy')}`,
    },
  };
  const drift = plan.driftCheck;
  const driftJobs = renderJobs(project, drift);
  const check = drift.jobs[0]!;
  if (drift.retrainOnDrift) {
    const last = check.steps.at(-1)!;
    const job = driftJobs[check.id] as { steps: Step[] };
    const step = job.steps.find((s) => s.id === last.id)!;
    step.run = `${String(step.run)}\necho "critical=$DRIFT_CRITICAL" >> "$GITHUB_OUTPUT"`;
    Object.assign(job, { outputs: { critical: `\${{ steps.${last.id}.outputs.critical }}` } });
    driftJobs.retrain = {
      name: 'Start retraining',
      needs: [check.id],
      if: `needs.${check.id}.outputs.critical == 'true'`,
      'runs-on': 'ubuntu-latest',
      permissions: { actions: 'write' },
      steps: [{ name: 'Run the training workflow', env: { GH_TOKEN: '${{ github.token }}' }, run: 'gh workflow run train.yml --repo "$GITHUB_REPOSITORY" --ref "$GITHUB_REF_NAME"' }],
    };
  }
  return [
    { path: file('ci'), content: toYaml(workflow(plan.ci, triggers(plan.ci), renderJobs(project, plan.ci))) },
    { path: file('train'), content: toYaml(workflow(plan.train, triggers(plan.train), trainJobs)) },
    { path: file('deploy'), content: toYaml(workflow(plan.deploy, { workflow_call: {} }, renderJobs(project, plan.deploy)), approvalComments(project)) },
    { path: file('drift-check'), content: toYaml(workflow(drift, triggers(drift), driftJobs)) },
  ];
}
