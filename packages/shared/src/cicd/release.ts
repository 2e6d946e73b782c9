/**
 * The release a run hands from its gate to its deployments: the champion the gate promoted, as a
 * registry folder holding that one version and its `champion.json` pointer (the layout of the package's
 * file registry, `<root>/<model>/champion.json` and `<root>/<model>/v<N>/`). It travels as a run artifact,
 * so every environment deploys exactly the model this run's gate chose, even when a later run promotes
 * another one meanwhile; the serve image is built from it and the platform registries get it.
 */
import type { RunArtifact } from './model.js';

/** Where the package's registry lives in a checkout; Dockerfile.serve copies it into the serve image. */
export const REGISTRY_DIR = 'model-registry';

/** The gate's release, uploaded from `release/model-registry` and downloaded into `model-registry/`. */
export const RELEASE_UPLOAD: RunArtifact = { name: 'champion', path: `release/${REGISTRY_DIR}` };
export const RELEASE_DOWNLOAD: RunArtifact = { name: 'champion', path: REGISTRY_DIR };

/** Shell lines that copy the champion of the registry at `registryDir` (and its pointer) into the release folder. */
export function exportChampion(registryDir: string, model: string): string[] {
  return [
    `version=$(python -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' ${registryDir}/${model}/champion.json)`,
    `mkdir -p ${RELEASE_UPLOAD.path}/${model}`,
    `cp ${registryDir}/${model}/champion.json ${RELEASE_UPLOAD.path}/${model}/`,
    `cp -R "${registryDir}/${model}/v$version" ${RELEASE_UPLOAD.path}/${model}/`,
    `echo "release: ${model} v$version"`,
  ];
}

/** Shell lines that set `MODEL_VERSION` and `MODEL_DIR` (the version's folder) from the downloaded release. */
export function releasedVersion(model: string): string[] {
  return [
    `MODEL_VERSION=$(python -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' ${REGISTRY_DIR}/${model}/champion.json)`,
    `MODEL_DIR="${REGISTRY_DIR}/${model}/v$MODEL_VERSION"`,
  ];
}
