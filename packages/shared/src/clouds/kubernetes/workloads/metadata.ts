/** Names, labels and placeholders of the Kubernetes workloads. The namespace (`<project>-<env>`) is chosen at apply time. */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { COMMON_WORKLOAD_VARIABLES, placeholders, type WorkloadVariable } from '../../../workloads/placeholders.js';

/** Every placeholder the manifests may contain: the cluster needs nothing beyond the images and the run. */
export const KUBERNETES_WORKLOAD_VARIABLES: readonly WorkloadVariable[] = COMMON_WORKLOAD_VARIABLES;

export const placeholder = placeholders('kubernetes', KUBERNETES_WORKLOAD_VARIABLES);

/** What a manifest is part of; also the `app.kubernetes.io/component` label. */
export type Component = 'training' | 'serving' | 'batch' | 'data';

/** Recommended labels: name, component, part-of and managed-by. */
export function labels(project: ProjectDeclaration, component: Component): Record<string, string> {
  return {
    'app.kubernetes.io/name': project.name,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': project.name,
    'app.kubernetes.io/managed-by': 'ai-factory',
  };
}

/** The labels a selector matches on: stable across releases, unlike a version label would be. */
export function selectorLabels(project: ProjectDeclaration, component: Component): Record<string, string> {
  return { 'app.kubernetes.io/name': project.name, 'app.kubernetes.io/component': component };
}

/** Annotation naming the pipeline run that created a run-scoped object; annotation values, unlike names and label values, take any run id. */
export const RUN_ANNOTATION = 'ai-factory.dev/run-id';

/**
 * `metadata` of an object the pipeline creates once per run (`kubectl create`): the API server appends a
 * random suffix to `generateName`, so the name is a DNS-1123 label whatever characters the run id has.
 */
export function runScopedMeta(project: ProjectDeclaration, purpose: string, component: Component): { generateName: string; labels: Record<string, string>; annotations: Record<string, string> } {
  return { generateName: `${project.name}-${purpose}-`, labels: labels(project, component), annotations: { [RUN_ANNOTATION]: placeholder('RUN_ID') } };
}

/** `metadata` of a top-level object. */
export function objectMeta(project: ProjectDeclaration, name: string, component: Component): { name: string; labels: Record<string, string> } {
  return { name, labels: labels(project, component) };
}
