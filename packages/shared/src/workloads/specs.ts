/** What each cloud contributes: the content of its training, online deployment and batch job specs. */
import type { ProjectDeclaration } from '../declaration/project.js';

/** Renders one cloud's three workload specs; paths are chosen by the caller (synth/paths.ts). */
export interface WorkloadSpecs {
  training(project: ProjectDeclaration): string;
  online(project: ProjectDeclaration): string;
  batch(project: ProjectDeclaration): string;
}
