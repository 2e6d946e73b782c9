import { describe, expect, it } from 'vitest';
import { CICD_SYSTEMS } from '../declaration/common.js';
import { projectFor } from '../testing/cicd-projects.js';
import { ciTrust } from './oidc-trust.js';

const project = (cicd: (typeof CICD_SYSTEMS)[number]) => projectFor({ cloud: 'aws', cicd, mode: 'online', training: 'cpu' });

describe('ciTrust', () => {
  it('GitHub: each environment trusts its deployment jobs, the first also the training on main; only deployments become the deployer', () => {
    expect(ciTrust(project('github-actions'), 'dev')).toEqual({
      issuer: 'https://token.actions.githubusercontent.com',
      audience: undefined,
      pipeline: ['repo:{repository}:environment:dev', 'repo:{repository}:ref:refs/heads/main'],
      deployer: ['repo:{repository}:environment:dev'],
    });
    expect(ciTrust(project('github-actions'), 'prod').pipeline).toEqual(['repo:{repository}:environment:prod']);
  });

  it('Azure Pipelines: the service connections are the subjects, the organisation its issuer, Entra ID the audience', () => {
    expect(ciTrust(project('azure-pipelines'), 'staging')).toEqual({
      issuer: undefined,
      audience: 'api://AzureADTokenExchange',
      pipeline: ['sc://{repository}/churn-model-staging'],
      deployer: ['sc://{repository}/churn-model-staging'],
    });
    expect(ciTrust(project('azure-pipelines'), 'dev').pipeline).toContain('sc://{repository}/churn-model');
  });

  it('GitLab: the default branch, whose jobs the protected environments tell apart', () => {
    expect(ciTrust(project('gitlab-ci'), 'prod').deployer).toEqual(['project_path:{repository}:ref_type:branch:ref:main']);
  });
});
