/** Shared parts of the SageMaker request bodies (`aws sagemaker <operation> --cli-input-json`). */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { GENERATED_NOTICE } from '../../../synth/artifact.js';
import { placeholder } from '../../../workloads/placeholders.js';

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
export const s3Uri = (project: ProjectDeclaration, path: string): string => `s3://${placeholder('aws', 'ARTIFACT_BUCKET')}/${project.name}/${path}`;

/** A resource name unique per pipeline run: `<project>-<purpose>-<run id>` (at most 59 of the 63 characters allowed). */
export const runScopedName = (project: ProjectDeclaration, purpose: string): string => `${project.name}-${purpose}-${placeholder('aws', 'RUN_ID')}`;

/** JSON with two-space indentation and a final newline. */
export const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
