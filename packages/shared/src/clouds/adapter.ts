/**
 * What a cloud answers for everything the factory synthesizes on it. `CLOUD_ADAPTERS` (index.ts) holds
 * one adapter per cloud as a `Record<Cloud, CloudAdapter>`, so a new cloud, or a new question, does not
 * compile until every cloud answers it. Cloud-neutral code (the CI systems' emitters in cicd/, the
 * synthesizers) asks the project's adapter and never branches on the cloud itself.
 */
import type { Cloud } from '../declaration/common.js';
import type { Environment } from '../declaration/environment.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import type { CloudGpus } from '../gpu/models.js';
import type { MachineSize } from '../iac/machine-types.js';
import type { RoleGrant } from '../rbac/capabilities.js';
import type { AllowedWildcard } from '../rbac/wildcards.js';
import type { Artifact } from '../synth/artifact.js';
import type { CpuSize } from '../workloads/machines.js';
import type { PlatformContract } from '../workloads/contract.js';
import type { WorkloadVariable } from '../workloads/placeholders.js';

/** One cloud's answers. */
export interface CloudAdapter {
  /** The cloud answered for. */
  id: Cloud;
  /** What CI/CD jobs run to reach the cloud and to train, gate and deploy on it. */
  ci: CloudCi;
  /** The training job, online deployment and batch job specs, in the form the cloud's engine takes. */
  workloads: CloudWorkloads;
  /** How the cloud's platform runs the training and serve containers; the specs and the Python follow it. */
  contract: PlatformContract;
  /** The values the cloud's Terraform root module takes per environment. */
  terraform: CloudTerraform;
  /** The role files of the project's personas and pipeline identity. */
  rbac: CloudRbac;
  /** The cloud's CPU machine sizes; undefined where machines are not the factory's to choose (a cluster's nodes). */
  machines: CloudMachines | undefined;
  /** What the cloud sells of each GPU of the catalog. */
  gpus: CloudGpus;
  /**
   * How the online service's metrics reach Prometheus: `scrape`d where Prometheus reaches the pods (a
   * cluster), `push`ed to a Pushgateway from managed endpoints, which expose no /metrics to it.
   */
  serviceMetrics: 'scrape' | 'push';
}

/** A GitHub Actions step, as the workflow YAML writes it. */
export type GithubStep = Record<string, unknown>;

/** A named shell step a CI system runs before the job's own steps. */
export interface SetupStep {
  /** Stable identifier, `[a-z][a-z0-9_]*`. */
  id: string;
  name: string;
  lines: string[];
}

/**
 * The cloud side of the pipelines; shell only. Names and settings come from CI variables (plain
 * configuration, no credentials), identities from the CI system's short-lived OIDC token.
 */
export interface CloudCi {
  /** CI variables each job that reaches the cloud reads; the identity ones feed the OIDC login. */
  variables: string[];
  /** OIDC audience the cloud's federation expects of the CI system's token (`$VAR` is expanded by the CI system or the shell). */
  oidcAudience: string;
  /** Shell lines that log the cloud's CLI in with the OIDC token in environment variable `tokenVar`. */
  login(tokenVar: string, region: string | undefined): string[];
  /** Shell lines that hand the same identity to Terraform's provider after the login; `tokenVar` is unset when the provider fetches the token itself. */
  terraformAuth(tokenVar: string | undefined): string[];
  /**
   * The deployer identity `terraform apply` runs as, apart from the job's own (which plans): its CI
   * variables, and shell lines that hand it to Terraform's provider and backend with the OIDC token in
   * `tokenVar`. Undefined where the cloud maps one token to one identity (a cluster's OIDC user), so the
   * deployment job's own identity applies.
   */
  deployer?: { variables: string[]; auth(tokenVar: string): string[] };
  /** Shell lines that install the cloud's CLI on a Debian image with Python (GitLab jobs). */
  installCli(): string[];
  /** GitHub Actions steps that log in: the cloud's official actions, or a token requested from the runner. */
  githubLogin(region: string | undefined): GithubStep[];
  /** Azure Pipelines runs cloud steps in AzureCLI@2, signed in to Azure through its federated service connection. */
  azurePipelines: {
    /** Shell lines that exchange the task's federated token `tokenVar` for this cloud's identity (none where the task's own login is the cloud's). */
    login(tokenVar: string, region: string | undefined): string[];
    /** Steps that prepare the signed-in CLI before the job's steps. */
    setup: SetupStep[];
  };
  /**
   * Shell lines that log Docker in to the environment's registry `$IMAGE_REGISTRY` with the job's cloud
   * identity; undefined where the cloud has no registry of its own, and the CI system's registry and job
   * token serve instead.
   */
  registryLogin: ((region: string | undefined) => string[]) | undefined;
  /** Shell lines that fill the training job spec's placeholders, submit it under the name `$RUN_ID` and wait until it has finished successfully. */
  submitTraining(project: ProjectDeclaration, region: string | undefined): string[];
  /**
   * The champion/challenger gate on the run `$RUN_ID` produced: `python -m <package> evaluate` decides,
   * and its exit code is the step's, so 0 (promoted) lets the deployment continue and anything else stops it.
   */
  gate(project: ProjectDeclaration, region: string | undefined): string[];
  /**
   * Shell lines, run right after a successful {@link gate}, that copy the champion it promoted into
   * `release/model-registry/<model>/` (cicd/release.ts) for the deployments of the run.
   */
  exportRelease(project: ProjectDeclaration, region: string | undefined): string[];
  /**
   * Shell lines that register the released champion (`model-registry/`, downloaded from the gate) in the
   * platform's model registry of environment `env`, with the serve image pushed to `$IMAGE_REGISTRY`;
   * empty where the platform has no registry (the serve image itself carries the model).
   */
  registerModel(project: ProjectDeclaration, region: string | undefined, env: string): string[];
  /** Shell lines that fill the online deployment spec and roll it out in `env`, moving the traffic to it in steps. */
  deployOnline(project: ProjectDeclaration, region: string | undefined, env: string): string[];
  /** Shell lines that fill the batch scoring spec and roll it out in `env`. */
  deployBatch(project: ProjectDeclaration, region: string | undefined, env: string): string[];
}

/** One managed workload spec: where it lives in the project and its content. */
export interface WorkloadSpec {
  /** Path in the project; the pipelines submit the file from there. */
  path: string;
  render(project: ProjectDeclaration): string;
}

/** The cloud's workload specs and the placeholders the pipeline substitutes in them. */
export interface CloudWorkloads {
  /** Every `${NAME}` the specs may contain, in `envsubst` order. */
  variables: readonly WorkloadVariable[];
  /** The training job, always synthesized. */
  training: WorkloadSpec;
  /** The online deployment, when the project serves online. */
  online: WorkloadSpec;
  /** The batch scoring job, when the project scores in batch. */
  batch: WorkloadSpec;
}

/** A Terraform backend configured partially: `infra/versions.tf` names its type, CI passes the rest at `init`. */
export interface TerraformBackend {
  /** Backend type, as `backend "<type>" {}` in infra/versions.tf. */
  type: 's3' | 'azurerm' | 'gcs' | 'kubernetes';
  /** CI variables the configuration reads (the state storage bootstrap/ created). */
  variables: string[];
  /** `-backend-config` keys and values of an environment's state; `$VAR` values are CI variables. */
  config(project: ProjectDeclaration, environment: Environment): Record<string, string>;
}

/** The CI identities bootstrap/ creates in an environment, by name. */
export interface CiIdentityNames {
  pipeline: string;
  deployer: string;
}

/** The cloud's part of `infra/environments/<env>.tfvars`, and of the bootstrap's. */
export interface CloudTerraform {
  /** The remote state of infra/. */
  backend: TerraformBackend;
  /** Required variables of infra/ that the pipelines set from CI variables (`TF_VAR_<name>="$<CI variable>"`), not tfvars. */
  ciVariables: Readonly<Record<string, string>>;
  /** The cloud's own variables of an environment's bootstrap (`infra/bootstrap/environments/<env>.tfvars`), after the shared ones. */
  bootstrapValues(project: ProjectDeclaration, environment: Environment): Record<string, unknown>;
  /** The cloud's own variables of an environment, written after the shared ones. */
  values(project: ProjectDeclaration, environment: Environment): Record<string, unknown>;
  /** A tag (label) value rewritten into the cloud's allowed syntax: a plain function, passed around on its own. */
  tagValue: (value: string) => string;
  /** The cloud bills the environment, so its tfvars carry the monthly budget and its alert thresholds. */
  billed: boolean;
}

/** The cloud's role files. */
export interface CloudRbac {
  /** The role file of one grant, under `rbac/<cloud>/`. */
  role(project: ProjectDeclaration, grant: RoleGrant): Artifact;
  /** The wildcard actions the cloud's roles may use, each with the reason it is needed. */
  wildcards: readonly AllowedWildcard[];
}

/** The cloud's CPU machine sizes. */
export interface CloudMachines {
  /** General-purpose sizes the workload specs run CPU profiles on, smallest first (AWS in EC2 spelling). */
  cpuSizes: readonly CpuSize[];
  /** Sizes the Terraform provisions for CPU compute, general-purpose and memory-optimised (AWS in SageMaker's `ml.` spelling). */
  terraformCpuSizes: readonly MachineSize[];
}
