import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { environment } from '../declaration/environment.js';
import { defineMlProject } from '../declaration/project.js';
import { serving } from '../declaration/serving.js';
import { synthesizeIacValues } from './index.js';

const project = defineMlProject({
  name: 'churn-model',
  description: 'Predicts churn',
  team: 'growth ${evil}',
  cloud: 'azure',
  cicd: 'github-actions',
  framework: 'sklearn',
  environments: [environment('dev'), environment('staging', { region: 'northeurope' }), environment('prod')],
  serving: serving({ mode: 'online' }),
});

describe('synthesizeIacValues', () => {
  it('writes one tfvars per environment at the agreed path', () => {
    expect(synthesizeIacValues(project).map((artifact) => artifact.path)).toEqual([
      'infra/environments/dev.tfvars',
      'infra/environments/staging.tfvars',
      'infra/environments/prod.tfvars',
      'infra/bootstrap/environments/dev.tfvars',
      'infra/bootstrap/environments/staging.tfvars',
      'infra/bootstrap/environments/prod.tfvars',
    ]);
  });

  it('writes HCL that reads back as the values, with template sequences escaped', async () => {
    const staging = synthesizeIacValues(project)[1]!;
    const values = (await parse('staging.tfvars', staging.content)) as Record<string, unknown>;
    expect(values).toMatchObject({ environment: 'staging', region: 'northeurope', monthly_budget: 200, training_max_nodes: 1 });
    // hcl2json keeps the escape: `$${` is the literal text `${`, never an interpolation.
    expect(staging.content).toContain('team                    = "growth $${evil}"');
  });

  it('is deterministic', () => {
    expect(synthesizeIacValues(project)).toEqual(synthesizeIacValues(project));
  });
});
