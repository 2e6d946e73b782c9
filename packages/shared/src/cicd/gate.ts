/**
 * The champion/challenger gate of a managed cloud, whose run, champion registry and labelled data live in
 * object storage: fetch the run, pull the registry and data, evaluate, and push the registry back only
 * when the challenger was promoted. Each cloud says how it moves the files (clouds/<cloud>/ci.ts).
 */
import type { ProjectDeclaration } from '../declaration/project.js';
import { modelName } from '../workloads/runtime.js';
import { exportChampion } from './release.js';

/** Where the gate keeps the champion registry it pulled (and pushes back on promotion). */
const STORE_REGISTRY = '.store/model-registry';

/** How a cloud moves the gate's files. */
export interface GateStore {
  /** Downloads what the finished job kept, its runs folder among it, into `job-output/`. */
  fetchRun: string[];
  /** Where under the checkout `fetchRun` left the runs folder (`latest.json` and one folder per run). */
  runs: string;
  /** Copies the champion registry (`model-registry/`) and the labelled data (`data/train.csv`) into `.store/`. */
  pull: string[];
  /** Uploads `.store/model-registry` back. */
  pushRegistry: string;
}

/** The gate's shell lines: `python -m <pkg> evaluate` decides, and its exit code is the step's. */
export function objectStoreGate(store: GateStore, packageName: string): string[] {
  return [
    ...store.fetchRun,
    `mkdir -p ${STORE_REGISTRY} .store/data`,
    ...store.pull,
    `run_id=$(python -c 'import json, sys; print(json.load(open(sys.argv[1]))["run_id"])' ${store.runs}/latest.json)`,
    'set +e',
    `python -m ${packageName} evaluate --run-dir "${store.runs}/$run_id" --data .store/data/train.csv --registry-dir ${STORE_REGISTRY}`,
    'verdict=$?',
    'set -e',
    // Only a promoted challenger changes the registry.
    `if [ "$verdict" -eq 0 ]; then ${store.pushRegistry}; fi`,
    'exit "$verdict"',
  ];
}

/** The release of an object-store gate: the champion of the registry it just pushed back. */
export const objectStoreRelease = (project: ProjectDeclaration): string[] => exportChampion(STORE_REGISTRY, modelName(project));
