/** Names and labels of the Kubernetes workloads. The namespace (`<project>-<env>`) is chosen at apply time. */
import type { ProjectDeclaration } from '../../../declaration/project.js';

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

/** `metadata` of a top-level object. */
export function objectMeta(project: ProjectDeclaration, name: string, component: Component): { name: string; labels: Record<string, string> } {
  return { name, labels: labels(project, component) };
}
