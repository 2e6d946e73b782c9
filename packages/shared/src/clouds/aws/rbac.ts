/**
 * AWS IAM policy documents. Every statement names its actions and the project environment's own
 * resources: SageMaker resources named `<project>-<env>` or `<project>-<env>-*`, the environment's
 * artifacts bucket and execution role. ARNs the Terraform module knows are placeholders rbac.tf fills in.
 */
import type { ProjectDeclaration } from '../../declaration/project.js';
import { GENERATED_NOTICE, type Artifact } from '../../synth/artifact.js';
import { RBAC_DIR } from '../../synth/paths.js';
import { resourcePrefix, roleFileStem, type Capability, type RoleGrant } from '../../rbac/capabilities.js';
import type { CloudRbac } from '../adapter.js';

/** Placeholders in resource ARNs, replaced by rbac.tf with values of the Terraform module. */
export const AWS_PLACEHOLDERS = {
  partition: '{partition}',
  account: '{accountId}',
  region: '{region}',
  bucket: '{artifactsBucketArn}',
  executionRole: '{sagemakerExecutionRoleArn}',
} as const;

type ResourceKind = 'sagemaker' | 'bucket' | 'objects' | 'passrole' | 'any';

interface StatementSpec {
  actions: readonly string[];
  /** SageMaker resource types (`training-job`...) or the other kinds of ARN. */
  resources: readonly (ResourceKind | `sagemaker:${string}`)[];
}

/** Capability → IAM statements. List and metric actions support no resource scoping, hence `any`. */
export const AWS_STATEMENTS: Record<Capability, readonly StatementSpec[]> = {
  observe: [
    {
      actions: ['sagemaker:DescribeTrainingJob', 'sagemaker:DescribeProcessingJob', 'sagemaker:DescribeTransformJob', 'sagemaker:DescribeModel', 'sagemaker:DescribeModelPackage', 'sagemaker:DescribeModelPackageGroup', 'sagemaker:DescribeEndpoint', 'sagemaker:DescribeEndpointConfig', 'sagemaker:ListTags'],
      resources: ['sagemaker:training-job', 'sagemaker:processing-job', 'sagemaker:transform-job', 'sagemaker:model', 'sagemaker:model-package', 'sagemaker:model-package-group', 'sagemaker:endpoint', 'sagemaker:endpoint-config'],
    },
    {
      actions: ['sagemaker:ListTrainingJobs', 'sagemaker:ListModels', 'sagemaker:ListModelPackages', 'sagemaker:ListModelPackageGroups', 'sagemaker:ListEndpoints', 'cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'],
      resources: ['any'],
    },
  ],
  'read-data': [
    { actions: ['s3:ListBucket', 's3:GetBucketLocation'], resources: ['bucket'] },
    { actions: ['s3:GetObject', 's3:GetObjectVersion'], resources: ['objects'] },
  ],
  'write-data': [{ actions: ['s3:PutObject', 's3:DeleteObject'], resources: ['objects'] }],
  'run-jobs': [
    { actions: ['sagemaker:CreateTrainingJob', 'sagemaker:StopTrainingJob', 'sagemaker:CreateProcessingJob', 'sagemaker:StopProcessingJob', 'sagemaker:AddTags'], resources: ['sagemaker:training-job', 'sagemaker:processing-job'] },
    // Jobs run as the environment's execution role, never as the caller.
    { actions: ['iam:PassRole'], resources: ['passrole'] },
  ],
  'register-models': [
    { actions: ['sagemaker:CreateModelPackageGroup', 'sagemaker:CreateModelPackage', 'sagemaker:UpdateModelPackage', 'sagemaker:CreateModel'], resources: ['sagemaker:model-package-group', 'sagemaker:model-package', 'sagemaker:model'] },
  ],
  deploy: [
    {
      actions: ['sagemaker:CreateEndpointConfig', 'sagemaker:DeleteEndpointConfig', 'sagemaker:CreateEndpoint', 'sagemaker:UpdateEndpoint', 'sagemaker:DeleteEndpoint', 'sagemaker:UpdateEndpointWeightsAndCapacities', 'sagemaker:CreateTransformJob', 'sagemaker:StopTransformJob'],
      resources: ['sagemaker:endpoint', 'sagemaker:endpoint-config', 'sagemaker:transform-job', 'sagemaker:model'],
    },
  ],
  'manage-compute': [
    { actions: ['sagemaker:CreateNotebookInstance', 'sagemaker:StartNotebookInstance', 'sagemaker:StopNotebookInstance', 'sagemaker:UpdateNotebookInstance', 'sagemaker:DeleteNotebookInstance'], resources: ['sagemaker:notebook-instance'] },
  ],
};

function arns(kind: StatementSpec['resources'][number], prefix: string): string[] {
  const { partition, account, region, bucket, executionRole } = AWS_PLACEHOLDERS;
  if (kind === 'any') return ['*'];
  if (kind === 'bucket') return [bucket];
  if (kind === 'objects') return [`${bucket}/*`];
  if (kind === 'passrole') return [executionRole];
  const base = `arn:${partition}:sagemaker:${region}:${account}:${kind.slice('sagemaker:'.length)}`;
  return [`${base}/${prefix}`, `${base}/${prefix}-*`];
}

const sid = (capability: Capability, index: number) =>
  `${capability.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}${index + 1}`;

/** The IAM policy document of one grant; `Id` carries the generated notice (rbac.tf does not send it to IAM). */
export function awsPolicy(project: ProjectDeclaration, grant: RoleGrant): Artifact {
  const prefix = resourcePrefix(project, grant.environment);
  const statements = grant.capabilities.flatMap((capability) =>
    AWS_STATEMENTS[capability].map((spec, index) => ({
      Sid: sid(capability, index),
      Effect: 'Allow',
      Action: [...spec.actions],
      Resource: spec.resources.flatMap((kind) => arns(kind, prefix)),
      ...(spec.resources.includes('passrole') ? { Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } } } : {}),
    })),
  );
  const policy = { Version: '2012-10-17', Id: GENERATED_NOTICE, Statement: statements };
  return { path: `${RBAC_DIR}/aws/${roleFileStem(grant)}.json`, content: `${JSON.stringify(policy, null, 2)}\n` };
}

// Every statement names its actions; only list actions, which IAM cannot scope, take resource `*`.
export const awsRbac: CloudRbac = { role: awsPolicy, wildcards: [] };
