/**
 * A workload spec's text for a project, rendered once: the synthesizer writes it, and the pipelines read
 * it (to fill exactly its placeholders, to know which images it pulls) many times over for one project.
 */
import type { WorkloadSpec } from '../clouds/adapter.js';
import type { ProjectDeclaration } from '../declaration/project.js';

const cache = new WeakMap<ProjectDeclaration, Map<string, string>>();

/** `spec.render(project)`, computed once per (frozen) declaration and spec path. */
export function renderedSpec(project: ProjectDeclaration, spec: WorkloadSpec): string {
  let texts = cache.get(project);
  if (!texts) cache.set(project, (texts = new Map<string, string>()));
  let text = texts.get(spec.path);
  if (text === undefined) texts.set(spec.path, (text = spec.render(project)));
  return text;
}
