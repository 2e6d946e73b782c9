/**
 * The OIDC tokens each CI system issues, as the clouds' federations see them: the issuer, and the subject
 * (`sub`) of the jobs that train and of the jobs that deploy to an environment. bootstrap/ trusts exactly
 * these subjects; `{repository}` stands for the repository path the person bootstrapping gives.
 */
import type { CicdSystem } from '../declaration/common.js';
import type { ProjectDeclaration } from '../declaration/project.js';

/** The token subjects a bootstrap trusts in one environment. */
export interface CiTrust {
  /** Issuer URL; undefined where it is per organisation (Azure DevOps: its organisation id). */
  issuer: string | undefined;
  /** Audience of the tokens where the CI system fixes it; undefined where the job asks for the cloud's own. */
  audience: string | undefined;
  /** Subjects that log in as the pipeline identity: the environment's deployment jobs, and the training jobs in the first environment. */
  pipeline: string[];
  /** Subjects that log in as the deployer identity: the environment's deployment jobs only. */
  deployer: string[];
}

interface SystemTokens {
  issuer: string | undefined;
  audience: string | undefined;
  /** Subject of the training jobs (the default branch). */
  training(project: ProjectDeclaration): string;
  /** Subject of the jobs deploying to `env`. */
  deployment(project: ProjectDeclaration, env: string): string;
}

const TOKENS: Record<CicdSystem, SystemTokens> = {
  // GitHub puts the environment in the subject of a job that names one.
  'github-actions': {
    issuer: 'https://token.actions.githubusercontent.com',
    audience: undefined,
    training: () => 'repo:{repository}:ref:refs/heads/main',
    deployment: (_project, env) => `repo:{repository}:environment:${env}`,
  },
  // GitLab's subject names the branch only: its protected environments keep other jobs from deploying.
  'gitlab-ci': {
    issuer: 'https://gitlab.com',
    audience: undefined,
    training: () => 'project_path:{repository}:ref_type:branch:ref:main',
    deployment: () => 'project_path:{repository}:ref_type:branch:ref:main',
  },
  // Azure DevOps' subject is the service connection: <project> trains, <project>-<env> deploys (azure-pipelines.ts).
  'azure-pipelines': {
    issuer: undefined,
    // The service connection's federated token is always for Entra ID.
    audience: 'api://AzureADTokenExchange',
    training: (project) => `sc://{repository}/${project.name}`,
    deployment: (project, env) => `sc://{repository}/${project.name}-${env}`,
  },
};

/**
 * The subjects bootstrap/ of environment `env` trusts.
 * @example ciTrust(project, 'prod').deployer // ['repo:{repository}:environment:prod']
 */
export function ciTrust(project: ProjectDeclaration, env: string): CiTrust {
  const tokens = TOKENS[project.cicd];
  const deployment = tokens.deployment(project, env);
  // Training logs in at repository level, with the identities of the first environment it deploys to.
  const trains = project.promotion[0] === env;
  return { issuer: tokens.issuer, audience: tokens.audience, pipeline: [...new Set([deployment, ...(trains ? [tokens.training(project)] : [])])], deployer: [deployment] };
}
