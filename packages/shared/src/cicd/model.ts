/**
 * The CI/CD pipelines as one system-neutral description: what runs, in which order, with which tools and
 * which cloud identity. Each CI system's emitter renders the same description, so the stages cannot drift
 * apart between GitHub Actions, Azure Pipelines and GitLab CI.
 */
import type { Cloud } from '../declaration/common.js';

/** Tools a job needs before its steps run; each system installs them its own way (`docker`: a Docker CLI and daemon to build and push images). */
export type Toolchain = 'python' | 'node' | 'terraform' | 'cloud-cli' | 'docker';

/** One shell step (bash, `set -euo pipefail` is added by the emitters). */
export interface CiStep {
  /** Stable identifier, `[a-z][a-z0-9_]*`. */
  id: string;
  name: string;
  run: string;
  /** The step talks to the cloud (Azure Pipelines runs such steps inside the federated AzureCLI@2 task). */
  cloud?: boolean;
  /** The step runs Terraform against the cloud, whose provider needs the federated identity too. */
  terraform?: boolean;
  /** The Terraform step runs as the cloud's deployer identity (`CloudCi.deployer`), not the job's own. */
  deployer?: boolean;
  /** The step pushes images to the CI system's own registry (the cloud has none): the emitter logs Docker in with the job's token first. */
  ciRegistry?: boolean;
}

/** Where a job's cloud identity and settings come from: the training identity, or one environment's. */
export type CloudScope = { kind: 'training' } | { kind: 'environment'; name: string };

export interface CloudLogin {
  cloud: Cloud;
  region: string | undefined;
  scope: CloudScope;
}

/** A folder one job of a run hands to later jobs of the same run, as the CI system's own run artifact. */
export interface RunArtifact {
  name: string;
  /** Folder relative to the checkout: uploaded from there, or downloaded into it. */
  path: string;
}

export interface JobSpec {
  /** Identifier, `[a-z][a-z0-9_]*` (valid as a job and stage name on every system). */
  id: string;
  name: string;
  /** Jobs that must succeed first. */
  needs: string[];
  toolchains: Toolchain[];
  /** Log in to the cloud by OIDC / workload identity federation before the steps; absent: no cloud access. */
  login?: CloudLogin;
  /** Deployment environment; `approval` means a person must approve before the job starts. */
  environment?: { name: string; approval: boolean };
  /** CI variables (plain configuration, never credentials) the steps read as environment variables. */
  variables: string[];
  steps: CiStep[];
  /** Uploaded as a run artifact once every step has succeeded. */
  publishes?: RunArtifact;
  /** A run artifact of an earlier job, downloaded before the steps. */
  consumes?: RunArtifact;
  /**
   * Jobs of one group never run at the same time, across runs: a later one waits (it is never cancelled),
   * so two deployments of an environment, or two gates updating the champion registry, cannot interleave.
   */
  concurrency?: string;
}

export type PipelineId = 'ci' | 'train' | 'deploy' | 'drift-check';

export interface PipelineSpec {
  id: PipelineId;
  name: string;
  /** Runs on pushes to the default branch and on pull/merge requests. */
  onPushAndPullRequest: boolean;
  /** Can be started by hand. */
  manual: boolean;
  /** Cron schedules (UTC). */
  schedules: string[];
  jobs: JobSpec[];
  /**
   * Drift check only: the last step sets shell variable `DRIFT_CRITICAL=true|false`, and when this is
   * true each system adds its own job that starts the training pipeline if it is `true`.
   */
  retrainOnDrift?: boolean;
}

/** All four pipelines; `deploy` always runs after the `gate` job of `train`. */
export interface CicdPlan {
  ci: PipelineSpec;
  train: PipelineSpec;
  deploy: PipelineSpec;
  driftCheck: PipelineSpec;
}

/**
 * The run's own variables, defined on every job that reaches the cloud from the CI system's run id and
 * commit: `RUN_ID` names the run's cloud jobs and resources, `IMAGE_TAG` tags the images it builds
 * (commit and run, so each run's images are its own and a re-run of a job finds them).
 */
export function runVariables(project: { name: string }, runId: string, commit: string): Record<'RUN_ID' | 'IMAGE_TAG', string> {
  return { RUN_ID: `${project.name}-${runId}`, IMAGE_TAG: `${commit}-${runId}` };
}
