/**
 * The seams between a generated project's files, over every preset and a sampled option matrix: every
 * name one artifact consumes (image, repository, path, variable, compute, environment variable, service
 * account) is produced by another, every `${…}` of a spec is substituted by a pipeline step, every
 * required Terraform variable has a value, every file a Dockerfile copies is in a fresh clone, and every
 * Kubernetes object is admitted in the namespace the project's Terraform makes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CICD_SYSTEMS, CLOUDS, defaultAnswers, generateProject, SERVING_MODES, type Answers } from '@ai-factory/engine';
import { writeFiles } from '@ai-factory/tree';
import { offeredGpus } from '@ai-factory/shared';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { deliverySeamProblems } from '../packages/shared/src/testing/delivery-seams.js';
import { kubernetesSeamProblems } from './kubernetes-seams.js';
import { dockerCopyProblems, imageRepositoryProblems, terraformVariableProblems, workflowVariableProblems } from './seam-testing.js';

const catalog = await loadBuiltinCatalog();
const work = mkdtempSync(join(tmpdir(), 'seams-'));

interface Case {
  label: string;
  answers: Answers;
}

const presets: Case[] = [...catalog.presets.values()].map((preset) => ({
  label: `preset ${preset.id}`,
  answers: { ...defaultAnswers(`s-${preset.id}`), ...preset.answers, preset: preset.id },
}));

/**
 * One combination per cloud and CI/CD system, the framework, serving mode and GPU rotating through
 * their values so that each appears on every cloud: 12 projects instead of the matrix's 84.
 */
const sampled: Case[] = CLOUDS.flatMap((cloud, c) =>
  CICD_SYSTEMS.map((cicd, s) => {
    const i = c + s;
    const framework = (['sklearn', 'pytorch'] as const)[i % 2]!;
    const serving = SERVING_MODES[i % SERVING_MODES.length]!;
    const gpu = framework === 'pytorch' && (c + 2 * s) % 3 !== 0 ? offeredGpus(cloud)[0]! : null;
    const preset = [...catalog.presets.values()].find((p) => p.answers.framework === framework)!.id;
    return {
      label: `${cloud} ${cicd} ${framework} ${serving} ${gpu ? `${gpu.sku}x${gpu.count}` : 'cpu'}`,
      answers: { ...defaultAnswers(`s-${cloud.slice(0, 3)}-${cicd.slice(0, 3)}-${i}`), preset, cloud, cicd, framework, serving, gpu },
    };
  }),
);

/** The project as written, and what `git ls-files` lists once it is committed (.gitignore applied). */
async function generate({ label, answers }: Case) {
  const { tree } = generateProject(catalog, answers);
  const dir = join(work, answers.name);
  writeFiles(tree, dir);
  await execa('git', ['init', '--quiet', dir]);
  await execa('git', ['-C', dir, 'add', '--all']);
  const tracked = (await execa('git', ['-C', dir, 'ls-files'])).stdout.split('\n');
  const files = new Map(tree.entries().map(([path, file]) => [path, file.content.toString('utf8')]));
  return { label, answers, files, tracked };
}

const projects = await Promise.all([...presets, ...sampled].map(generate));

describe.each(projects)('seams of $label', ({ files, tracked }) => {
  it('images, placeholders and compute: every one a spec uses is built, substituted or created', () => {
    expect(deliverySeamProblems(files)).toEqual([]);
  });

  it('every required Terraform variable has a value in every environment', async () => {
    expect(await terraformVariableProblems(files)).toEqual([]);
  });

  it('every image repository the pipelines push to is one Terraform creates', async () => {
    expect(await imageRepositoryProblems(files)).toEqual([]);
  });

  it('every file a Dockerfile copies is in a fresh clone', () => {
    expect(dockerCopyProblems(files, tracked)).toEqual([]);
  });

  it('every variable a GitHub workflow reads is set by the workflow, a step before it or the runner', () => {
    expect(workflowVariableProblems(files)).toEqual([]);
  });

  it('Kubernetes: every object is admitted and every action granted to the identity CI logs in as', async () => {
    expect(await kubernetesSeamProblems(files)).toEqual([]);
  });
});

describe('the seam checks catch what the starting main shipped', () => {
  const aws = projects.find(({ answers }) => answers.cloud === 'aws' && answers.serving !== 'batch')!;

  it('a Dockerfile copying a gitignored directory', () => {
    expect(dockerCopyProblems(new Map([['Dockerfile.serve', 'FROM x\nCOPY model-registry ./model-registry\n']]), ['README.md'])).toEqual([
      'Dockerfile.serve copies model-registry, which a fresh clone does not have',
    ]);
  });

  it('a required variable nothing sets', async () => {
    const files = new Map([...aws.files, ['infra/extra.tf', 'variable "billing_account" {\n  type = string\n}\n']]);
    expect(await terraformVariableProblems(files)).toContain('infra: variable "billing_account" is required and has no value in dev (tfvars, -var or TF_VAR_billing_account)');
  });

  it('a workflow reading a variable nobody sets', () => {
    const workflow = 'jobs:\n  deploy:\n    steps:\n      - run: az ml online-deployment update --name "$AZUREML_DEPLOYMENT_NAME"\n';
    expect(workflowVariableProblems(new Map([['.github/workflows/deploy.yml', workflow]]))).toEqual(['.github/workflows/deploy.yml job deploy reads $AZUREML_DEPLOYMENT_NAME, which nothing sets']);
  });

  it('an ECR repository named for the environment while the pipelines push -train and -serve', async () => {
    const files = new Map([
      ['infra/storage.tf', 'locals {\n  name = "${var.project}-${var.environment}"\n}\nresource "aws_ecr_repository" "serving" {\n  name = local.name\n}\n'],
      ['infra/environments/dev.tfvars', 'project = "churn"\nenvironment = "dev"\n'],
      ['.github/workflows/train.yml', 'ref="$IMAGE_REGISTRY/churn-train:$IMAGE_TAG"'],
    ]);
    expect(await imageRepositoryProblems(files)).toEqual(['the pipelines push churn-train, but Terraform creates the ECR repositories churn-dev in dev']);
  });
});
