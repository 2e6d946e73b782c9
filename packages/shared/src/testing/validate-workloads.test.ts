import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import type { Cloud, Framework } from '../declaration/common.js';
import { cpu, accelerator, type ComputeProfile } from '../declaration/compute.js';
import { environment } from '../declaration/environment.js';
import { defineMlProject } from '../declaration/project.js';
import { serving } from '../declaration/serving.js';
import { BATCH_JOB_SPEC, ONLINE_DEPLOYMENT_SPEC, TRAINING_JOB_SPEC } from '../clouds/by-cloud.js';
import { synthesizeWorkloads } from '../workloads/index.js';
import { validateWorkloads } from './validate-workloads.js';

/** The synthesized specs of a small project, by path. */
function specs(cloud: Cloud, framework: Framework = 'sklearn', training: ComputeProfile = cpu()): Map<string, string> {
  const project = defineMlProject({
    name: 'fraud',
    description: 'Flags fraud',
    team: 'risk',
    cloud,
    cicd: 'github-actions',
    framework,
    environments: [environment('dev')],
    training,
    serving: serving({ mode: 'both' }),
  });
  return new Map(synthesizeWorkloads(project).map((a) => [a.path, a.content]));
}

/** Rewrites the documents of a multi-document YAML file. */
function editDocuments(yaml: string, edit: (docs: any[]) => void): string {
  const docs = parseAllDocuments(yaml).map((d) => d.toJS());
  edit(docs);
  return docs.map((doc) => stringify(doc)).join('---\n');
}

/** Validates one edited spec. */
function validateOne(path: string, content: string): string[] {
  return validateWorkloads(new Map([[path, content]]));
}

describe('validateWorkloads', () => {
  it('catches a broken Deployment', () => {
    const path = ONLINE_DEPLOYMENT_SPEC.kubernetes;
    const broken = editDocuments(specs('kubernetes').get(path)!, (docs) => {
      delete docs[0].spec.selector;
      docs[0].spec.replicas = 'two';
    });
    const problems = validateOne(path, broken);
    expect(problems.join('\n')).toMatch(/Deployment#1: .*selector/);
    expect(problems.join('\n')).toMatch(/replicas must be integer/);
  });

  it('catches a Service whose selector matches no pods', () => {
    const path = ONLINE_DEPLOYMENT_SPEC.kubernetes;
    const broken = editDocuments(specs('kubernetes').get(path)!, (docs) => {
      docs[1].spec.selector = { app: 'other' };
    });
    expect(validateOne(path, broken)).toEqual([expect.stringMatching(/Service\/fraud: selector .* matches no Deployment/)]);
  });

  it('catches a GPU request without the GPU toleration', () => {
    const path = TRAINING_JOB_SPEC.kubernetes;
    const broken = editDocuments(specs('kubernetes', 'pytorch', accelerator('a10', { count: 2, nodes: 2 })).get(path)!, (docs) => {
      delete docs[1].spec.pytorchReplicaSpecs.Worker.template.spec.tolerations;
    });
    expect(validateOne(path, broken)).toEqual([expect.stringMatching(/Worker\.template\.spec: requests 2 nvidia\.com\/gpu but does not tolerate/)]);
  });

  it('catches a PyTorchJob whose nprocPerNode differs from its GPUs, or without a "pytorch" container', () => {
    const path = TRAINING_JOB_SPEC.kubernetes;
    const broken = editDocuments(specs('kubernetes', 'pytorch', accelerator('a10', { count: 2 })).get(path)!, (docs) => {
      docs[1].spec.nprocPerNode = '1';
      docs[1].spec.pytorchReplicaSpecs.Master.template.spec.containers[0].name = 'trainer';
    });
    const problems = (validateOne(path, broken)).join('\n');
    expect(problems).toMatch(/has 2 GPUs but nprocPerNode is 1/);
    expect(problems).toMatch(/containers must contain at least 1 valid item/);
  });

  it.each([
    ['aws', TRAINING_JOB_SPEC.aws, (spec: any): void => { delete spec.RoleArn; }, /must have required property 'RoleArn'/],
    ['aws', BATCH_JOB_SPEC.aws, (spec: any): void => { delete spec.ProcessingResources.ClusterConfig.InstanceType; }, /must have required property 'InstanceType'/],
    ['azure', TRAINING_JOB_SPEC.azure, (spec: any): void => { delete spec.compute; }, /must have required property 'compute'/],
    ['azure', ONLINE_DEPLOYMENT_SPEC.azure, (spec: any): void => { spec.instance_count = '2'; }, /instance_count must be integer/],
    ['gcp', TRAINING_JOB_SPEC.gcp, (spec: any): void => { delete spec.workerPoolSpecs[0].machineSpec; }, /must have required property 'machineSpec'/],
    ['gcp', BATCH_JOB_SPEC.gcp, (spec: any): void => { delete spec.workerPoolSpecs[0].containerSpec.imageUri; }, /must have required property 'imageUri'/],
  ] as const)('%s: catches %s missing or mistyping a required field', (cloud, path, edit, message) => {
    const original = specs(cloud).get(path)!;
    const json = path.endsWith('.json');
    const spec = json ? JSON.parse(original) : parse(original);
    edit(spec);
    const problems = validateOne(path, json ? JSON.stringify(spec) : stringify(spec));
    expect(problems.join('\n')).toMatch(message);
  });

  it('catches an unknown placeholder and an unknown field', () => {
    const path = TRAINING_JOB_SPEC.aws;
    const spec = JSON.parse(specs('aws').get(path)!);
    spec.RoleArn = '${ROLE}';
    spec.Hyperparameters = {};
    const problems = (validateOne(path, JSON.stringify(spec))).join('\n');
    expect(problems).toMatch(/unknown placeholder \$\{ROLE\}/);
    expect(problems).toMatch(/must NOT have additional properties \(Hyperparameters\)/);
  });

  it('ignores files that are not workload specs', () => {
    expect(validateWorkloads(new Map([['README.md', 'not yaml: [']]))).toEqual([]);
  });
});
