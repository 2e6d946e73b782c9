/**
 * Azure Pipelines rendering of the plan: `.azure-pipelines/{ci,train,deploy,drift-check}.yml`.
 * Register ci.yml, train.yml and drift-check.yml as pipelines named `<project>-ci`, `<project>-train` and
 * `<project>-drift-check`; deploy.yml is a stages template that train.yml runs after the gate.
 * Cloud access: an Azure Resource Manager service connection using workload identity federation, named
 * `<project>` (training) or `<project>-<environment>` (deployments); for AWS, GCP and Kubernetes its
 * federated token (`idToken`) is exchanged with that cloud's OIDC trust instead.
 */
import { cloudAdapter } from '../clouds/index.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import type { Artifact } from '../synth/artifact.js';
import { runVariables, type CicdPlan, type CiStep, type JobSpec, type PipelineSpec } from './model.js';
import { deployerOf } from './infrastructure.js';
import { installTerraform } from './toolchains.js';
import { strict, toYaml, type KeyComment } from './yaml.js';

export const AZURE_PIPELINES_DIR = '.azure-pipelines';
const POOL = { vmImage: 'ubuntu-latest' };
// Schedules take "always" as a string in the schema (tasks take booleans).

type Step = Record<string, unknown>;

const bash = (id: string, name: string, lines: string[]): Step => ({ bash: strict(lines), name: id, displayName: name });

function toolchainSteps(job: JobSpec): Step[] {
  const steps: Step[] = [{ checkout: 'self' }];
  if (job.toolchains.includes('python')) steps.push({ task: 'UsePythonVersion@0', displayName: 'Python 3.11', inputs: { versionSpec: '3.11' } });
  if (job.toolchains.includes('node')) steps.push({ task: 'NodeTool@0', displayName: 'Node 20', inputs: { versionSpec: '20.x' } });
  if (job.toolchains.includes('terraform')) steps.push(bash('terraform_install', 'Install Terraform', installTerraform()));
  if (job.login) steps.push(...cloudAdapter(job.login.cloud).ci.azurePipelines.setup.map((step) => bash(step.id, step.name, step.lines)));
  return steps;
}

/** A step; one that reaches the cloud runs inside AzureCLI@2, signed in through the federated service connection. */
function renderStep(project: ProjectDeclaration, job: JobSpec, step: CiStep): Step {
  const login = job.login;
  if (!step.cloud || !login) return bash(step.id, step.name, [step.run]);
  const connection = login.scope.kind === 'training' ? project.name : `${project.name}-${login.scope.name}`;
  const { ci } = cloudAdapter(login.cloud);
  const prelude = ci.azurePipelines.login('idToken', login.region);
  const auth = deployerOf(ci, step)?.auth('idToken') ?? (step.terraform ? ci.terraformAuth('idToken') : []);
  return {
    task: 'AzureCLI@2',
    name: step.id,
    displayName: step.name,
    inputs: {
      azureSubscription: connection,
      scriptType: 'bash',
      scriptLocation: 'inlineScript',
      // Exposes the federated token as $idToken for the other clouds' OIDC trust and for Terraform.
      addSpnToEnvironment: true,
      inlineScript: strict([...prelude, ...auth, step.run]),
    },
  };
}

/**
 * A cluster has no registry and Azure DevOps none of its own: Docker logs in through the project's Docker
 * registry service connection (an Azure Container Registry one uses workload identity federation too).
 */
const registryLogin = (project: ProjectDeclaration): Step => ({
  task: 'Docker@2',
  displayName: 'Log in to the image registry',
  inputs: { command: 'login', containerRegistry: `${project.name}-registry` },
});

function steps(project: ProjectDeclaration, job: JobSpec): Step[] {
  const own = job.steps.flatMap((step) => [...(step.ciRegistry ? [registryLogin(project)] : []), renderStep(project, job, step)]);
  // Run artifacts sit in $(Pipeline.Workspace)/<name>, next to the checkout.
  const download = job.consumes
    ? [
        { download: 'current', artifact: job.consumes.name, displayName: `Download ${job.consumes.name}` },
        bash(`${job.consumes.name}_files`, `Place ${job.consumes.name} in ${job.consumes.path}`, [`mkdir -p ${job.consumes.path}`, `cp -R "$PIPELINE_WORKSPACE/${job.consumes.name}/." ${job.consumes.path}/`]),
      ]
    : [];
  const publish = job.publishes ? [{ publish: job.publishes.path, artifact: job.publishes.name, displayName: `Upload ${job.publishes.name}` }] : [];
  return [...toolchainSteps(job), ...download, ...own, ...publish];
}

function triggers(pipeline: PipelineSpec): Record<string, unknown> {
  if (pipeline.onPushAndPullRequest) return { trigger: { branches: { include: ['main'] } }, pr: { branches: { include: ['main'] } } };
  return {
    trigger: 'none',
    pr: 'none',
    ...(pipeline.schedules.length > 0
      ? { schedules: pipeline.schedules.map((cron) => ({ cron, displayName: `${pipeline.name} (${cron} UTC)`, branches: { include: ['main'] }, always: 'true' })) }
      : {}),
  };
}

const runVariablesOf = (project: ProjectDeclaration) =>
  Object.entries(runVariables(project, '$(Build.BuildId)', '$(Build.SourceVersion)')).map(([name, value]) => ({ name, value }));

function ciFile(project: ProjectDeclaration, ci: PipelineSpec): unknown {
  return { ...triggers(ci), pool: POOL, jobs: ci.jobs.map((job) => ({ job: job.id, displayName: job.name, steps: steps(project, job) })) };
}

/** Training: one stage per job, so that the deployment stages (deploy.yml) can depend on the gate stage. */
function trainFile(project: ProjectDeclaration, train: PipelineSpec): unknown {
  const stages: unknown[] = train.jobs.map((job) => ({
    stage: job.id,
    displayName: job.name,
    dependsOn: job.needs,
    jobs: [{ job: job.id, displayName: job.name, steps: steps(project, job) }],
  }));
  stages.push({ template: 'deploy.yml' });
  return { ...triggers(train), pool: POOL, variables: [{ group: project.name }, ...runVariablesOf(project)], stages };
}

/** Deployment stages; the environment's approvals and checks (set in Azure DevOps) hold each one back. */
function deployFile(project: ProjectDeclaration, deploy: PipelineSpec): unknown {
  return {
    stages: deploy.jobs.map((job) => ({
      stage: job.id,
      displayName: job.name,
      dependsOn: job.needs,
      // The condition makes the dependency explicit: only after the gate (or the previous environment) succeeded.
      condition: 'succeeded()',
      // With an Exclusive Lock check on the environment, runs deploy to it one at a time, in order.
      ...(job.concurrency ? { lockBehavior: 'sequential' } : {}),
      variables: [{ group: `${project.name}-${job.environment!.name}` }],
      jobs: [
        {
          deployment: job.id,
          displayName: job.name,
          environment: `${project.name}-${job.environment!.name}`,
          strategy: { runOnce: { deploy: { steps: steps(project, job) } } },
        },
      ],
    })),
  };
}

function driftFile(project: ProjectDeclaration, drift: PipelineSpec): unknown {
  const check = drift.jobs[0]!;
  const last = check.steps.at(-1)!;
  const jobs: unknown[] = [
    {
      job: check.id,
      displayName: check.name,
      steps: [
        { checkout: 'none' },
        ...check.steps.map((step) =>
          step === last && drift.retrainOnDrift
            ? bash(step.id, step.name, [step.run, 'echo "##vso[task.setvariable variable=critical;isOutput=true]$DRIFT_CRITICAL"'])
            : bash(step.id, step.name, [step.run]),
        ),
      ],
    },
  ];
  if (drift.retrainOnDrift) {
    jobs.push({
      job: 'retrain',
      displayName: 'Start retraining',
      dependsOn: check.id,
      condition: `eq(dependencies.${check.id}.outputs['${last.id}.critical'], 'true')`,
      steps: [
        { checkout: 'none' },
        {
          ...bash('run_training', 'Run the training pipeline', [
            'az extension add --name azure-devops --upgrade --yes',
            `az pipelines run --name ${project.name}-train --branch "$(Build.SourceBranch)" --organization "$(System.CollectionUri)" --project "$(System.TeamProject)"`,
          ]),
          // The job's own short-lived token; the build service needs "Queue builds" on the training pipeline.
          env: { AZURE_DEVOPS_EXT_PAT: '$(System.AccessToken)' },
        },
      ],
    });
  }
  return { ...triggers(drift), pool: POOL, variables: [{ group: project.name }], jobs };
}

function approvalComments(project: ProjectDeclaration): KeyComment[] {
  return project.environments
    .filter((env) => env.approval)
    .map((env) => ({
      key: 'environment',
      value: `${project.name}-${env.name}`,
      comment: `Requires approval: add an "Approvals" check to environment ${project.name}-${env.name} in Azure DevOps (Pipelines > Environments).`,
    }));
}

const LOCK_COMMENT: KeyComment = {
  key: 'lockBehavior',
  comment: 'Add an "Exclusive Lock" check to each environment (Pipelines > Environments > Approvals and checks) so that two runs never deploy to it at once.',
};

/** The four pipeline files. */
export function azurePipelines(project: ProjectDeclaration, plan: CicdPlan): Artifact[] {
  const file = (name: string) => `${AZURE_PIPELINES_DIR}/${name}.yml`;
  return [
    { path: file('ci'), content: toYaml(ciFile(project, plan.ci)) },
    { path: file('train'), content: toYaml(trainFile(project, plan.train)) },
    { path: file('deploy'), content: toYaml(deployFile(project, plan.deploy), [...approvalComments(project), LOCK_COMMENT]) },
    { path: file('drift-check'), content: toYaml(driftFile(project, plan.driftCheck)) },
  ];
}
