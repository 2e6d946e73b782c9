/**
 * The matrix: tfvars synthesised for every cloud, for CPU and for each GPU the cloud offers, laid beside that
 * cloud's template Terraform (templates/iac/<cloud>-terraform and terraform-common, root module and
 * bootstrap), must validate cleanly and match the providers' schemas.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLOUDS, type Cloud } from '../declaration/common.js';
import { cpu, accelerator, type ComputeProfile } from '../declaration/compute.js';
import { environment } from '../declaration/environment.js';
import { defineMlProject } from '../declaration/project.js';
import { serving, type ServingMode } from '../declaration/serving.js';
import { offeredGpus } from '../gpu/catalog.js';
import { BOOTSTRAP_DIR, TERRAFORM_DIR } from '../synth/paths.js';
import { providerSchemaProblems } from '../testing/terraform-schema.js';
import { validateTerraform } from '../testing/validate-terraform.js';
import { synthesizeIacValues } from './index.js';

const TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../templates/iac');

function templateFiles(cloud: Cloud): Map<string, string> {
  // The cloud's own modules and the variables every cloud shares, as a project has them side by side.
  return new Map(
    [TERRAFORM_DIR, BOOTSTRAP_DIR].flatMap((at) =>
      [`${cloud}-terraform`, 'terraform-common'].flatMap((module) => {
        const dir = resolve(TEMPLATES, module, 'files', at);
        return readdirSync(dir).filter((name) => name.endsWith('.tf')).map((name): [string, string] => [`${at}/${name}`, readFileSync(resolve(dir, name), 'utf8')]);
      }),
    ),
  );
}

interface Case {
  label: string;
  compute: ComputeProfile;
  mode: ServingMode;
}

function cases(cloud: Cloud): Case[] {
  const gpus = offeredGpus(cloud).map(({ sku, count }): Case => ({ label: `gpu ${sku}×${count}`, compute: accelerator(sku, { count, nodes: 2 }), mode: 'both' }));
  return [{ label: 'cpu online', compute: cpu(), mode: 'online' }, { label: 'cpu batch', compute: cpu({ vcpus: 8, memoryGi: 64 }), mode: 'batch' }, ...gpus];
}

describe.each(CLOUDS)('%s Terraform with synthesised tfvars', (cloud) => {
  const templates = templateFiles(cloud);

  it('has the template files of a root module', () => {
    expect([...templates.keys()]).toEqual(
      expect.arrayContaining(['infra/versions.tf', 'infra/variables.tf', 'infra/main.tf', 'infra/outputs.tf', 'infra/bootstrap/versions.tf', 'infra/bootstrap/outputs.tf']),
    );
  });

  it.each(cases(cloud))('validates for $label', async ({ compute, mode }) => {
    const project = defineMlProject({
      name: 'churn-model',
      description: 'Predicts churn',
      team: 'Growth & Retention',
      cloud,
      cicd: 'github-actions',
      framework: compute.kind === 'gpu' ? 'pytorch' : 'sklearn',
      environments: [environment('dev'), environment('staging', { monthlyBudget: 350.5 }), environment('prod')],
      training: compute,
      serving: serving({ mode, compute: compute.kind === 'gpu' ? accelerator(compute.sku, { count: compute.count }) : cpu({ vcpus: 2, memoryGi: 4 }) }),
    });
    const files = new Map(templates);
    for (const artifact of synthesizeIacValues(project)) files.set(artifact.path, artifact.content);
    // Three environments, each with the tfvars of infra/ and of its bootstrap.
    expect(files.size).toBe(templates.size + 6);
    expect(await validateTerraform(files)).toEqual([]);
    expect(await providerSchemaProblems(files)).toEqual([]);
  });
});

describe('the matrix check itself', () => {
  it('catches a broken reference, a dropped tag and an unset variable in the real templates', async () => {
    const project = defineMlProject({
      name: 'churn-model',
      description: 'Predicts churn',
      team: 'growth',
      cloud: 'aws',
      cicd: 'github-actions',
      framework: 'sklearn',
      environments: [environment('dev')],
      serving: serving({ mode: 'online' }),
    });
    const files = templateFiles('aws');
    const [tfvars] = synthesizeIacValues(project);
    files.set(tfvars!.path, tfvars!.content.replace(/^serving_max_replicas .*\n/m, ''));
    files.set('infra/storage.tf', files.get('infra/storage.tf')!.replace('aws_s3_bucket.artifacts.id', 'aws_s3_bucket.artefacts.id'));
    files.set('infra/budget.tf', files.get('infra/budget.tf')!.replace(/\n {2}tags = var\.tags\n/, '\n'));
    expect(await validateTerraform(files)).toEqual([
      'infra/budget.tf: resource aws_sns_topic.budget_alerts has no tags',
      'infra/storage.tf: refers to undeclared resource aws_s3_bucket.artefacts',
      expect.stringMatching(/^infra\/environments\/dev\.tfvars: does not set required variable "serving_max_replicas"/),
    ]);
  });
});
