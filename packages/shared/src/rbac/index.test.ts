import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { access } from '../declaration/access.js';
import type { Cloud } from '../declaration/common.js';
import { environment } from '../declaration/environment.js';
import { defineMlProject, type ProjectOptions } from '../declaration/project.js';
import { serving } from '../declaration/serving.js';
import { GENERATED_NOTICE } from '../synth/artifact.js';
import { personaCapabilities } from './capabilities.js';
import { synthesizeRbac, WILDCARD_ALLOW_LIST } from './index.js';

const project = (cloud: Cloud, options: Partial<ProjectOptions> = {}) =>
  defineMlProject({
    name: 'churn-model', description: 'Predicts churn', team: 'growth', cloud, cicd: 'github-actions', framework: 'sklearn',
    environments: [environment('dev'), environment('prod')], serving: serving({ mode: 'online' }), ...options,
  });
const files = (cloud: Cloud, options: Partial<ProjectOptions> = {}) => new Map(synthesizeRbac(project(cloud, options)).map((a) => [a.path, a.content]));
const json = <T = Record<string, unknown>>(content: string | undefined) => JSON.parse(content!) as T;

describe('synthesizeRbac', () => {
  it('writes a role per persona and environment with access, and a pipeline role per environment', () => {
    const paths = [...files('gcp', { access: access({ 'data-scientist': { dev: 'write', prod: 'none' }, 'model-validator': { prod: 'read' } }) }).keys()];
    expect(paths).toEqual(['rbac/gcp/data-scientist-dev.yaml', 'rbac/gcp/pipeline-dev.yaml', 'rbac/gcp/model-validator-prod.yaml', 'rbac/gcp/pipeline-prod.yaml']);
  });

  it('gives production deploy permissions to the pipeline only, whatever the humans are declared', () => {
    const azure = files('azure', { access: access({ 'ml-engineer': { dev: 'admin', prod: 'write' } }) });
    const deployers = [...azure].filter(([, content]) => content.includes('/onlineEndpoints/deployments/write')).map(([path]) => path);
    expect(deployers).toEqual(['rbac/azure/ml-engineer-dev.json', 'rbac/azure/pipeline-dev.json', 'rbac/azure/pipeline-prod.json']);
    expect(personaCapabilities('ml-engineer', 'admin', true)).not.toContain('deploy');
    expect(personaCapabilities('data-scientist', 'write', true)).toEqual(['observe', 'read-data', 'run-jobs', 'register-models']);
    expect(personaCapabilities('data-scientist', 'write', false)).toContain('write-data');
  });

  it('writes Azure role definitions scoped by placeholder, explaining their allow-listed wildcard', () => {
    const role = json<Record<string, string[] | string>>(files('azure').get('rbac/azure/data-scientist-prod.json'));
    expect(Object.keys(role)).toEqual(['Name', 'IsCustom', 'Description', 'Actions', 'NotActions', 'DataActions', 'NotDataActions', 'AssignableScopes']);
    expect(role.AssignableScopes).toEqual(['{resourceGroupScope}']);
    expect(role.DataActions).toEqual(['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read']);
    expect(role.Description).toContain(GENERATED_NOTICE);
    expect(role.Description).toContain(WILDCARD_ALLOW_LIST[0]!.reason);
  });

  it('writes AWS policies whose statements name actions and the environment’s own resources', () => {
    const policy = json<{ Version: string; Id: string; Statement: { Sid: string; Action: string[]; Resource: string[]; Condition?: object }[] }>(files('aws').get('rbac/aws/pipeline-dev.json'));
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Id).toBe(GENERATED_NOTICE);
    expect(new Set(policy.Statement.map((s) => s.Sid)).size).toBe(policy.Statement.length);
    const resources = policy.Statement.flatMap((s) => s.Resource).filter((r) => r !== '*' && !r.startsWith('{'));
    for (const resource of resources) expect(resource).toMatch(/^arn:\{partition\}:sagemaker:\{region\}:\{accountId\}:[a-z-]+\/churn-model-dev(-\*)?$/);
    const passRole = policy.Statement.find((s) => s.Action.includes('iam:PassRole'));
    expect(passRole?.Resource).toEqual(['{sagemakerExecutionRoleArn}']);
    expect(passRole?.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } });
    const prod = files('aws').get('rbac/aws/pipeline-prod.json')!;
    expect(prod).toContain('arn:{partition}:sagemaker:{region}:{accountId}:endpoint/churn-model-prod-*');
  });

  it('writes GCP custom roles and Kubernetes Role/RoleBinding pairs', () => {
    const role = parse(files('gcp').get('rbac/gcp/data-engineer-dev.yaml')!) as Record<string, unknown>;
    expect(role).toMatchObject({ stage: 'GA', title: 'churn-model data-engineer (dev)' });
    expect(role.includedPermissions).toContain('storage.objects.create');
    const yaml = files('kubernetes').get('rbac/kubernetes/data-scientist-dev.yaml')!;
    const [k8sRole, binding] = parseAllDocuments(yaml).map((d) => d.toJS() as Record<string, any>);
    expect(k8sRole).toMatchObject({ kind: 'Role', metadata: { name: 'churn-model-data-scientist', namespace: 'churn-model-dev' } });
    expect(binding?.subjects).toEqual([{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'churn-model:data-scientist' }]);
    // Shared rule arrays must be copied, or the YAML would use anchors and aliases.
    expect(yaml).not.toMatch(/[&*]a\d/);
  });

  it('is deterministic', () => {
    expect(synthesizeRbac(project('aws'))).toEqual(synthesizeRbac(project('aws')));
  });
});
