/**
 * Building and pushing the project's images in the pipeline: each into the registry of the job's
 * environment (`IMAGE_REGISTRY`), as `<project>-train|serve:$IMAGE_TAG`, the names every workload spec
 * pulls (workloads/runtime.ts). A tag already in the registry is not built again: it is this run's own
 * image (the tag carries the run), pushed by an earlier job into a registry the environments share, and
 * immutable repositories refuse a second push.
 */
import type { WorkloadSpec } from '../clouds/adapter.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import { renderedSpec } from '../workloads/rendered.js';
import { DOCKERFILES, imageRepository, type ProjectImage } from '../workloads/runtime.js';

/** The images `specs` pull, in build order. */
export function imagesUsedBy(project: ProjectDeclaration, specs: readonly WorkloadSpec[]): ProjectImage[] {
  const content = specs.map((spec) => renderedSpec(project, spec)).join('\n');
  return (['train', 'serve'] as const).filter((image) => content.includes(`/${imageRepository(project, image)}:`));
}

/** Shell lines that build and push each of `images` unless the registry has this run's tag of it; the registry login comes first. */
export function ensureImages(project: ProjectDeclaration, images: readonly ProjectImage[]): string[] {
  return images.flatMap((image) => [
    `ref="$IMAGE_REGISTRY/${imageRepository(project, image)}:$IMAGE_TAG"`,
    'if docker manifest inspect "$ref" >/dev/null 2>&1; then echo "$ref is in the registry already"; ' +
      `else docker build --file ${DOCKERFILES[image]} --tag "$ref" . && docker push "$ref"; fi`,
  ]);
}
