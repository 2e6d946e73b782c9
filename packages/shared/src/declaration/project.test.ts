import { describe, expect, it } from 'vitest';
import { access } from './access.js';
import { cpu, accelerator } from './compute.js';
import { environment } from './environment.js';
import { DeclarationError } from './errors.js';
import { defineMlProject, type ProjectOptions } from './project.js';
import { serving } from './serving.js';
import { drift } from './monitoring.js';
import { gate, modelCard } from './validation.js';

const base = (): ProjectOptions => ({
  name: 'churn-model',
  description: 'Predicts churn',
  team: 'growth',
  cloud: 'azure',
  cicd: 'github-actions',
  framework: 'pytorch',
  environments: [environment('dev'), environment('staging'), environment('prod')],
  serving: serving({ mode: 'online' }),
});

/** The issues a declaration is rejected with, as `path: message` lines. */
function issues(build: () => unknown): string[] {
  try {
    build();
  } catch (error) {
    if (error instanceof DeclarationError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error('the declaration was accepted');
}

describe('defineMlProject', () => {
  it('fills every default: regions, promotion order, least-privilege access, approval on prod', () => {
    const project = defineMlProject(base());
    expect(project.packageName).toBe('churn_model');
    expect(project.region).toBe('westeurope');
    expect(project.promotion).toEqual(['dev', 'staging', 'prod']);
    expect(project.environments.map((env) => [env.name, env.approval, env.region])).toEqual([
      ['dev', false, 'westeurope'],
      ['staging', false, 'westeurope'],
      ['prod', true, 'westeurope'],
    ]);
    expect(project.access['data-scientist']).toEqual({ dev: 'write', staging: 'read', prod: 'read' });
    expect(Object.values(project.access).every((levels) => levels.prod === 'read')).toBe(true);
    expect(project.training).toEqual({ kind: 'cpu', vcpus: 4, memoryGi: 16 });
    expect(project.gate).toEqual({
      metric: 'roc_auc', minImprovement: 0, confidence: 0.95, resamples: 1000,
      baselineScore: 'log_loss', minHeldOutRows: 200, maxSegmentGap: 0.1, minSegmentRows: 50,
    });
    expect(project.modelCard).toEqual({ intendedUse: '', limitations: [] });
    expect(project.monitoring).toMatchObject({ driftWarningPsi: 0.1, driftCriticalPsi: 0.25, driftPValue: 0.01, driftMinRows: 100 });
  });

  it('rejects an unknown GPU SKU at the builder, naming the field and the catalog', () => {
    expect(issues(() => accelerator('v100' as never))).toEqual([
      'accelerator().sku: unknown GPU "v100"; the catalog has t4, l4, a10, a100-40gb, a100-80gb, h100',
    ]);
  });

  it('rejects a GPU the cloud does not sell, listing what it does', () => {
    expect(issues(() => defineMlProject({ ...base(), training: accelerator('a100-80gb', { count: 3 }) }))).toEqual([
      'training: azure offers NVIDIA A100 80 GB (a100-80gb) only with 1, 2, 4, 8 GPU(s) per node, not 3.',
    ]);
    expect(issues(() => defineMlProject({ ...base(), cloud: 'gcp', training: accelerator('a10') }))).toEqual([
      'training: gcp offers no NVIDIA A10 24 GB (a10); choose another GPU for gcp.',
    ]);
  });

  it('rejects a GPU on a serving mode that cannot use one', () => {
    const sklearn = { ...base(), framework: 'sklearn' as const };
    expect(issues(() => defineMlProject({ ...sklearn, serving: serving({ mode: 'batch', compute: accelerator('t4') }) }))).toEqual([
      'serving.compute: batch scoring with scikit-learn cannot use a GPU; use cpu()',
    ]);
    expect(issues(() => defineMlProject({ ...sklearn, training: accelerator('t4') }))).toEqual([
      'training: scikit-learn trains on CPU; use cpu() or framework "pytorch"',
    ]);
  });

  it('rejects a persona without environments, and access to an unknown environment', () => {
    expect(issues(() => access({ 'data-scientist': {} }))).toEqual(['access().data-scientist: a persona needs at least one environment']);
    expect(issues(() => defineMlProject({ ...base(), access: access({ 'ml-engineer': { qa: 'read' } }) }))).toEqual([
      'access.ml-engineer.qa: "qa" is not a declared environment (dev, staging, prod)',
    ]);
  });

  it('rejects an environment missing from promotion and a promotion step that is no environment', () => {
    expect(issues(() => defineMlProject({ ...base(), promotion: ['dev', 'prod', 'qa'] }))).toEqual([
      'promotion.2: "qa" is not a declared environment (dev, staging, prod)',
      'promotion: environment "staging" is missing from promotion',
    ]);
  });

  it('rejects declared training data its cloud cannot mount, naming the form it can', () => {
    const data = (uri: string) => ({ data: { uri, version: '2026-11' } });
    expect(issues(() => defineMlProject({ ...base(), environments: [environment('dev', data('s3://acme/train.csv')), environment('prod')] }))).toEqual([
      'environments.0.data.uri: "s3://acme/train.csv" is no data URI azure mounts: use azureml://datastores/<datastore>/paths/<path>',
    ]);
    const onCluster = { ...base(), cloud: 'kubernetes' as const, environments: [environment('dev', data('pvc://shared-data/train.csv'))] };
    expect(issues(() => defineMlProject(onCluster))).toEqual([
      'environments.0.data.uri: "pvc://shared-data/train.csv" is not on the project\'s data volume: use pvc://churn-model-data/<path>',
    ]);
    const declared = defineMlProject({ ...base(), environments: [environment('dev', data('azureml://datastores/curated/paths/churn/')), environment('prod')] });
    expect(declared.environments.map((env) => env.data)).toEqual([{ uri: 'azureml://datastores/curated/paths/churn/', version: '2026-11' }, undefined]);
  });

  it('keeps production read-only for data scientists and deployable only by the pipeline', () => {
    expect(issues(() => defineMlProject({ ...base(), access: access({ 'data-scientist': { prod: 'write' }, 'ml-engineer': { prod: 'admin' } }) }))).toEqual([
      'access.data-scientist.prod: "write" in production: only the pipeline identity deploys to prod, and production data is read-only to data scientists',
      'access.ml-engineer.prod: "admin" in production: only the pipeline identity deploys to prod, and production data is read-only to data scientists',
    ]);
  });

  it('points builder errors at their field', () => {
    expect(issues(() => cpu({ vcpus: 0 }))).toEqual(['cpu().vcpus: Too small: expected number to be >=1']);
    expect(issues(() => serving({ mode: 'online', replicas: { min: 5, max: 2 } }))).toEqual(['serving().replicas.min: min must not exceed max']);
    expect(issues(() => drift({ warning: 0.3, critical: 0.2 }))).toEqual([
      'drift().critical: must be above warning',
    ]);
    expect(issues(() => environment('Prod'))).toEqual(['environment("Prod").name: must be lowercase a-z, 0-9 and "-", starting with a letter']);
    expect(issues(() => gate({ minImprovement: -0.01, metric: 'accuracy' as never }))).toEqual([
      'gate().metric: Invalid option: expected one of "roc_auc"|"log_loss"|"brier"',
      'gate().minImprovement: Too small: expected number to be >=0',
    ]);
    expect(issues(() => modelCard({ limitations: [''] }))).toEqual(['modelCard().limitations.0: Too small: expected string to have >=1 characters']);
    expect(issues(() => drift({ pValue: 0 }))).toEqual(['drift().pValue: Too small: expected number to be >0']);
  });
});
