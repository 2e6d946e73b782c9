/** Every managed artifact of a project: the synthesizers for its cloud, CI/CD system and options. */
import type { ProjectDeclaration } from '../declaration/project.js';
import { synthesizeCicd } from '../cicd/index.js';
import { synthesizeIacValues } from '../iac/index.js';
import { synthesizeModelPolicy } from '../model-policy/index.js';
import { synthesizeObservability } from '../observability/index.js';
import { synthesizeRbac } from '../rbac/index.js';
import { synthesizeWorkloads } from '../workloads/index.js';
import { withNotice, type Artifact, type Synthesizer } from './artifact.js';

/** The synthesizers, each choosing by itself what applies to the declaration. */
const SYNTHESIZERS: readonly Synthesizer[] = [synthesizeCicd, synthesizeIacValues, synthesizeWorkloads, synthesizeObservability, synthesizeRbac, synthesizeModelPolicy];

/**
 * Synthesizes every managed file, sorted by path, each carrying the generated-file notice.
 * @example for (const { path, content } of synthesize(defineMlProject({...}))) writeFileSync(path, content);
 */
export function synthesize(project: ProjectDeclaration): Artifact[] {
  const artifacts = SYNTHESIZERS.flatMap((synthesizer) => synthesizer(project)).map(withNotice);
  const seen = new Set<string>();
  for (const { path } of artifacts) {
    if (seen.has(path)) throw new Error(`Two synthesizers write ${path}`);
    seen.add(path);
  }
  return artifacts.sort((a, b) => (a.path < b.path ? -1 : 1));
}
