/**
 * A platform's contract with the project's containers: where its training job sees the declared data and
 * keeps what it writes, and how it starts and calls the serve container (arguments, port, routes, the
 * variables it sets). Each cloud states its own (clouds/<cloud>/contract.ts); the workload specs and the
 * pipelines are written from it, and the generated Python honours it (`<package>.hosting`, `DATA_PATH`).
 */
import type { DataSource } from '../declaration/data.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import { envList } from './runtime.js';

/** How the platform runs `python -m <package> train`. */
export interface TrainingContract {
  /** Where the training data lives when no environment declares it: a folder in the cloud's artifact storage. */
  defaultDataUri(project: ProjectDeclaration): string;
  /** Where the job sees the data of `uri` inside the container (a file or a folder of CSV files). */
  dataPath(project: ProjectDeclaration, uri: string): string;
  /** The runs folder the job writes, in the part of the container the platform keeps after the job. */
  runsDir(project: ProjectDeclaration): string;
}

/** How the platform starts and calls the serve image (`ENTRYPOINT ["python", "-m", "<package>"]`). */
export interface ServingContract {
  /** The arguments it starts the image with: its own (SageMaker's `serve`) or, undefined, the image's `CMD`. */
  args: readonly string[] | undefined;
  /** The port it sends requests to. */
  port: number;
  /** The routes it probes and scores on. */
  routes: { health: string; predict: string };
  /** What it sets in the container to say where the model, port or routes are, with representative values. */
  environment: Readonly<Record<string, string>>;
}

export interface PlatformContract {
  training: TrainingContract;
  serving: ServingContract;
}

/**
 * The data the training job reads: the declared data of the first environment of the promotion order
 * (where a model starts its way to production), else the platform's default location, unversioned.
 */
export function trainingData(project: ProjectDeclaration, contract: TrainingContract): { uri: string; version: string | undefined } {
  const first = project.environments.find((env) => env.name === project.promotion[0]);
  const declared: DataSource | undefined = first?.data;
  return declared ?? { uri: contract.defaultDataUri(project), version: undefined };
}

/** `DATA_URI` and `DATA_VERSION` (when there is one): what the run records about the data it read. */
export function dataVariables(project: ProjectDeclaration, contract: TrainingContract): Record<string, string> {
  const { uri, version } = trainingData(project, contract);
  return { DATA_URI: uri, ...(version ? { DATA_VERSION: version } : {}) };
}

/**
 * The training job's variables where the platform puts data and runs at fixed paths: `DATA_PATH` and
 * `RUNS_DIR` from the contract, with the data's URI and version.
 */
export function trainingVariables(project: ProjectDeclaration, contract: TrainingContract): Record<string, string> {
  const { uri } = trainingData(project, contract);
  return { DATA_PATH: contract.dataPath(project, uri), RUNS_DIR: contract.runsDir(project), ...dataVariables(project, contract) };
}

/** {@link trainingVariables} and `extra` as the `[{ name, value }]` list Kubernetes and Vertex AI containers take. */
export const trainingEnv = (project: ProjectDeclaration, contract: TrainingContract, extra: Record<string, string> = {}): { name: string; value: string }[] =>
  envList({ ...trainingVariables(project, contract), ...extra });

/** `path` relative to the folder `root` it is in. */
export function relativeTo(root: string, path: string): string {
  if (!path.startsWith(`${root}/`)) throw new Error(`${path} is not inside ${root}`);
  return path.slice(root.length + 1);
}
