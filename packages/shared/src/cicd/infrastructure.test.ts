import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CLOUDS } from '../declaration/common.js';
import { projectFor } from '../testing/cicd-projects.js';
import { synthesizeCicd } from './index.js';
import { planCicd } from './stages.js';

const deployJob = (cloud: (typeof CLOUDS)[number]) => planCicd(projectFor({ cloud, cicd: 'github-actions', mode: 'online', training: 'cpu' })).deploy.jobs[0]!;

describe('the infrastructure steps of a deployment', () => {
  it.each(CLOUDS)('%s: init against the environment state, plan as the job, apply the saved plan as the deployer', (cloud) => {
    const job = deployJob(cloud);
    const plan = job.steps.find((step) => step.id === 'plan')!;
    const apply = job.steps.find((step) => step.id === 'infrastructure')!;
    expect(plan.run).toMatch(/terraform -chdir=infra init -input=false -backend-config="/);
    expect(plan.run).toContain('plan -input=false -lock=false -var-file=environments/dev.tfvars -out=deploy.tfplan');
    expect(plan.deployer).toBeUndefined();
    expect(apply).toMatchObject({ run: 'terraform -chdir=infra apply -input=false deploy.tfplan', terraform: true, deployer: true });
    // No apply without a reviewed plan, and no throwaway state.
    expect(job.steps.map((step) => step.run).join('\n')).not.toMatch(/-auto-approve|workspace select/);
  });

  it('gives each environment its own state key', () => {
    const jobs = planCicd(projectFor({ cloud: 'aws', cicd: 'github-actions', mode: 'online', training: 'cpu' })).deploy.jobs;
    expect(jobs.map((job) => /key=([^"]+)"/.exec(job.steps.find((step) => step.id === 'plan')!.run)![1])).toEqual(['churn-model/dev.tfstate', 'churn-model/staging.tfstate', 'churn-model/prod.tfstate']);
  });

  it('sets the GCP project and billing account of infra/ from CI variables the job takes', () => {
    const job = deployJob('gcp');
    expect(job.steps.find((step) => step.id === 'plan')!.run).toContain('export TF_VAR_gcp_project_id="$GCP_PROJECT"\nexport TF_VAR_billing_account="$GCP_BILLING_ACCOUNT"');
    expect(job.variables).toEqual(expect.arrayContaining(['GCP_PROJECT', 'GCP_BILLING_ACCOUNT', 'TF_STATE_BUCKET', 'GCP_DEPLOY_SERVICE_ACCOUNT']));
  });

  it('GitHub Actions: only the apply step requests a token for the deployer role', () => {
    const files = synthesizeCicd(projectFor({ cloud: 'aws', cicd: 'github-actions', mode: 'online', training: 'cpu' }));
    const workflow = parse(files.find((file) => file.path === '.github/workflows/deploy.yml')!.content) as { jobs: Record<string, { steps: { id?: string; run?: string }[] }> };
    const steps = workflow.jobs.deploy_dev!.steps;
    const apply = steps.find((step) => step.id === 'infrastructure')!.run!;
    expect(apply).toContain('audience=sts.amazonaws.com');
    expect(apply).toContain('export AWS_ROLE_ARN="$AWS_DEPLOY_ROLE_ARN"');
    expect(apply.indexOf('AWS_DEPLOY_ROLE_ARN')).toBeLessThan(apply.indexOf('terraform -chdir=infra apply'));
    expect(steps.filter((step) => step.run?.includes('AWS_DEPLOY_ROLE_ARN')).map((step) => step.id)).toEqual(['infrastructure']);
  });

  it('GitLab CI: the deployer identity stays in a subshell, so later script entries run as the job', () => {
    const files = synthesizeCicd(projectFor({ cloud: 'azure', cicd: 'gitlab-ci', mode: 'online', training: 'cpu' }));
    const text = files.filter((file) => file.path.startsWith('.gitlab')).map((file) => file.content).join('\n');
    const pipeline = parse(files.find((file) => file.path === '.gitlab/ci/train.yml')!.content) as Record<string, { script?: string[] }>;
    const script = pipeline.deploy_dev!.script!;
    const apply = script.find((entry) => entry.includes('terraform -chdir=infra apply'))!;
    expect(apply.startsWith('(\n') && apply.endsWith('\n)')).toBe(true);
    expect(apply).toContain('ARM_CLIENT_ID="$AZURE_DEPLOY_CLIENT_ID"');
    expect(text).toContain('ARM_OIDC_TOKEN="$CLOUD_ID_TOKEN"');
  });

  it('Azure Pipelines: the apply task hands Terraform the deployer identity with the federated token', () => {
    const files = synthesizeCicd(projectFor({ cloud: 'gcp', cicd: 'azure-pipelines', mode: 'online', training: 'cpu' }));
    const deploy = files.find((file) => file.path === '.azure-pipelines/deploy.yml')!.content;
    expect(deploy).toContain('--service-account="$GCP_DEPLOY_SERVICE_ACCOUNT" --credential-source-file="$deploy_dir/token"');
    expect(deploy).toContain('printf \'%s\' "$idToken" > "$deploy_dir/token"');
  });

  it('Kubernetes: one token is one user, so the deployment job applies as itself', () => {
    const files = synthesizeCicd(projectFor({ cloud: 'kubernetes', cicd: 'github-actions', mode: 'online', training: 'cpu' }));
    const deploy = files.find((file) => file.path === '.github/workflows/deploy.yml')!.content;
    expect(deploy).toContain('terraform -chdir=infra apply -input=false deploy.tfplan');
    expect(deploy).not.toContain('DEPLOYER_OIDC_TOKEN');
  });
});
