/**
 * Filling a workload spec's placeholders in the pipeline: the `${NAME}` values a spec cannot know at synth
 * time (workloads/placeholders.ts) are substituted in place with `envsubst`, given exactly the spec's own
 * placeholders so nothing else that looks like a shell variable (an Azure ML `${{inputs.x}}` binding, a
 * torchrun launch line) is touched. A placeholder that is unset or empty stops the step: a spec is never
 * submitted with a hole in it.
 */
import type { WorkloadSpec } from '../clouds/adapter.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import { envsubstFormatOf, placeholdersIn, type WorkloadVariable } from '../workloads/placeholders.js';
import { renderedSpec } from '../workloads/rendered.js';

/** Shell lines that substitute, in place, every placeholder of `variables` that `spec` contains for `project`. */
export function substituteSpec(project: ProjectDeclaration, spec: WorkloadSpec, variables: readonly WorkloadVariable[]): string[] {
  const used = placeholdersIn(renderedSpec(project, spec), variables);
  if (used.length === 0) return [];
  const names = used.map((variable) => variable.name).join(' ');
  return [
    `for name in ${names}; do [ -n "\${!name:-}" ] || { echo "${spec.path}: \${name} is not set" >&2; exit 1; }; done`,
    `envsubst '${envsubstFormatOf(used)}' < ${spec.path} > ${spec.path}.substituted && mv ${spec.path}.substituted ${spec.path}`,
  ];
}
