import { describe, expect, it } from 'vitest';
import { access } from '../declaration/access.js';
import { CLOUDS, PERSONAS, type Cloud } from '../declaration/common.js';
import { environment } from '../declaration/environment.js';
import { defineMlProject, type ProjectOptions } from '../declaration/project.js';
import { serving } from '../declaration/serving.js';
import { synthesizeRbac } from '../rbac/index.js';
import { withNotice } from '../synth/artifact.js';
import { validateRbac } from './validate-rbac.js';

const CUSTOM = access({
  'data-scientist': { dev: 'admin', staging: 'write', live: 'read' },
  'ml-engineer': { staging: 'admin', live: 'write' },
  'model-validator': { live: 'read' },
});

function synth(cloud: Cloud, options: Partial<ProjectOptions> = {}): Map<string, string> {
  const project = defineMlProject({
    name: 'churn-model', description: 'Predicts churn', team: 'growth', cloud, cicd: 'github-actions', framework: 'sklearn',
    environments: [environment('dev'), environment('staging'), environment('prod')], serving: serving({ mode: 'online' }), ...options,
  });
  return new Map(synthesizeRbac(project).map(withNotice).map((a) => [a.path, a.content]));
}

const customEnvs = { environments: [environment('dev'), environment('staging'), environment('live', { approval: true })], access: CUSTOM };

describe('validateRbac', () => {
  it.each(CLOUDS)('accepts the %s roles of the default access and of a custom matrix', (cloud) => {
    const defaults = synth(cloud);
    expect(defaults.size).toBe(PERSONAS.length * 3 + 3);
    expect(validateRbac(defaults)).toEqual([]);
    const custom = synth(cloud, customEnvs);
    expect([...custom.keys()].filter((p) => p.includes('-live.'))).toHaveLength(4);
    expect(validateRbac(custom, 'live')).toEqual([]);
  });

  const tamper = (files: Map<string, string>, path: string, edit: (content: string) => string) => new Map(files).set(path, edit(files.get(path)!));

  it('catches a wildcard that is not allow-listed, in every format', () => {
    const cases: [Cloud, string, (c: string) => string, string][] = [
      ['azure', 'rbac/azure/data-engineer-dev.json', (c) => c.replace('Microsoft.MachineLearningServices/workspaces/jobs/write', 'Microsoft.MachineLearningServices/workspaces/jobs/*'), 'Microsoft.MachineLearningServices/workspaces/jobs/*'],
      ['aws', 'rbac/aws/data-engineer-dev.json', (c) => c.replace('"s3:PutObject"', '"s3:*"'), 's3:*'],
      ['gcp', 'rbac/gcp/data-engineer-dev.yaml', (c) => c.replace('storage.objects.create', 'storage.objects.*'), 'storage.objects.*'],
      ['kubernetes', 'rbac/kubernetes/data-engineer-dev.yaml', (c) => c.replace('- watch', "- '*'"), '*'],
    ];
    for (const [cloud, path, edit, wildcard] of cases) {
      expect(validateRbac(tamper(synth(cloud), path, edit))).toEqual([`${path}: wildcard "${wildcard}" is not in the allow-list`]);
    }
  });

  it('catches a data scientist who can write production data', () => {
    const azure = tamper(synth('azure'), 'rbac/azure/data-scientist-prod.json', (c) => c.replace('"DataActions": [', '"DataActions": [\n    "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write",'));
    expect(validateRbac(azure)).toEqual([
      'rbac/azure/data-scientist-prod.json: data-scientist may change production data with "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write"; production data is read-only to data scientists',
    ]);
    const aws = tamper(synth('aws'), 'rbac/aws/data-scientist-prod.json', (c) => c.replace('"s3:GetObject"', '"s3:GetObject", "s3:PutObject"'));
    expect(validateRbac(aws)).toEqual([expect.stringContaining('data-scientist may change production data with "s3:PutObject"')]);
    // In dev the same permission is the declared write access.
    expect(validateRbac(tamper(synth('aws'), 'rbac/aws/data-scientist-dev.json', (c) => c.replace('"s3:GetObject"', '"s3:GetObject", "s3:PutObject"')))).toEqual([]);
  });

  it('catches a human who can deploy to production, but not the pipeline', () => {
    const gcp = tamper(synth('gcp'), 'rbac/gcp/ml-engineer-prod.yaml', (c) => c.replace('- aiplatform.endpoints.get', '- aiplatform.endpoints.get\n  - aiplatform.endpoints.deploy'));
    expect(validateRbac(gcp)).toEqual(['rbac/gcp/ml-engineer-prod.yaml: ml-engineer may deploy to production with "aiplatform.endpoints.deploy"; only the pipeline identity deploys there']);
    const k8s = synth('kubernetes');
    const pipelineRules = /rules:\n[\s\S]*?(?=---)/.exec(k8s.get('rbac/kubernetes/pipeline-prod.yaml')!)![0];
    const escalated = tamper(k8s, 'rbac/kubernetes/model-validator-prod.yaml', (c) => c.replace(/rules:\n[\s\S]*?(?=---)/, pipelineRules));
    expect(validateRbac(escalated).filter((p) => p.includes('may deploy to production'))).not.toHaveLength(0);
    expect(validateRbac(k8s)).toEqual([]);
  });

  it('checks each format’s required fields and the pipeline role', () => {
    const azure = tamper(synth('azure'), 'rbac/azure/ml-engineer-dev.json', (c) => c.replace(/"AssignableScopes": \[[^\]]*\]/, '"AssignableScopes": []'));
    expect(validateRbac(azure)).toEqual(['rbac/azure/ml-engineer-dev.json: AssignableScopes must name at least one scope']);
    const aws = tamper(synth('aws'), 'rbac/aws/ml-engineer-dev.json', (c) => c.replace('2012-10-17', '2008-10-17'));
    expect(validateRbac(aws)).toEqual(['rbac/aws/ml-engineer-dev.json: Version must be "2012-10-17"']);
    const k8s = tamper(synth('kubernetes'), 'rbac/kubernetes/ml-engineer-dev.yaml', (c) => c.replace('kind: Group', 'kind: 42'));
    expect(validateRbac(k8s)[0]).toMatch(/^rbac\/kubernetes\/ml-engineer-dev\.yaml: RoleBinding: .*kind/);
    const noPipeline = synth('gcp');
    noPipeline.delete('rbac/gcp/pipeline-staging.yaml');
    expect(validateRbac(noPipeline)).toEqual(['rbac/gcp/staging: no pipeline identity role for this environment']);
  });
});
