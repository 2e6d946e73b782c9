/** Shared parts of the SageMaker request bodies (`aws sagemaker <operation> --cli-input-json`). */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { GENERATED_NOTICE } from '../../../synth/artifact.js';
import type { ComputeProfile } from '../../../declaration/compute.js';
import { machineFor } from '../../../workloads/machines.js';
import { ARTIFACT_BUCKET, COMMON_WORKLOAD_VARIABLES, placeholders, type WorkloadVariable } from '../../../workloads/placeholders.js';
import { AWS_MACHINES } from '../machines.js';

/** Every placeholder the SageMaker request bodies may contain. */
export const AWS_WORKLOAD_VARIABLES: readonly WorkloadVariable[] = [
  ...COMMON_WORKLOAD_VARIABLES,
  ARTIFACT_BUCKET,
  {
    name: 'SAGEMAKER_ROLE_ARN',
    description: 'Execution role SageMaker assumes for the job; the Terraform output sagemaker_role_arn.',
    example: 'arn:aws:iam::123456789012:role/churn-model-sagemaker',
    setBy: 'ci-variable',
  },
  {
    name: 'SAGEMAKER_MODEL_NAME',
    description: 'SageMaker model the pipeline creates from the model package it registered for this run and environment.',
    example: 'churn-model-3f2c1ab',
    setBy: 'pipeline',
  },
];

export const placeholder = placeholders('aws', AWS_WORKLOAD_VARIABLES);

/** SageMaker instance type of a compute profile: the EC2 type with the `ml.` prefix. */
export const sagemakerInstanceType = (profile: ComputeProfile): string => `ml.${machineFor('aws', AWS_MACHINES.cpuSizes, profile).type}`;

/** SageMaker Tag: `{ Key, Value }`. */
export interface Tag {
  Key: string;
  Value: string;
}

/** Tags of every job and config; JSON has no comments, so the generated-file notice travels as a tag. */
export function sagemakerTags(project: ProjectDeclaration, component: string): Tag[] {
  return [
    { Key: 'project', Value: project.name },
    { Key: 'component', Value: component },
    { Key: 'managed-by', Value: 'ai-factory' },
    { Key: 'generated-by', Value: GENERATED_NOTICE },
  ];
}

/** `s3://<artifact bucket>/<project>/<path>`. */
export const s3Uri = (project: ProjectDeclaration, path: string): string => `s3://${placeholder('ARTIFACT_BUCKET')}/${project.name}/${path}`;

/** A resource name unique per pipeline run: `<project>-<purpose>-<run id>` (at most 59 of the 63 characters allowed). */
export const runScopedName = (project: ProjectDeclaration, purpose: string): string => `${project.name}-${purpose}-${placeholder('RUN_ID')}`;

/** JSON with two-space indentation and a final newline. */
export const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
