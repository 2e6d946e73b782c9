/**
 * How the generated Python package runs inside its images: the commands, the serving port and routes,
 * and the image references. Every cloud's spec takes these from here so they cannot drift apart.
 */
import type { ComputeProfile } from '../declaration/compute.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import { COMMON_WORKLOAD_VARIABLES, placeholders } from './placeholders.js';

/** Port `python -m <pkg> service` listens on (Dockerfile.serve EXPOSEs it). */
export const SERVICE_PORT = 8000;
export const HEALTH_PATH = '/health';
export const PREDICT_PATH = '/predict';
export const METRICS_PATH = '/metrics';

/** Non-root user the Dockerfiles create (`useradd --uid 10001 app`). */
export const IMAGE_USER_ID = 10001;

const placeholder = placeholders('every cloud', COMMON_WORKLOAD_VARIABLES);

/**
 * Environment variables that make a process Prometheus cannot scrape push its metrics to the
 * Pushgateway (`<package>.metrics_push`), when the project ships monitoring.
 */
export function metricsPushEnvironment(project: ProjectDeclaration): Record<string, string> {
  return project.monitoring.enabled ? { PUSHGATEWAY_URL: placeholder('PUSHGATEWAY_URL') } : {};
}

/** `{ NAME: value }` as the `[{ name, value }]` list Kubernetes and Vertex AI containers take. */
export const envList = (variables: Record<string, string>): { name: string; value: string }[] => Object.entries(variables).map(([name, value]) => ({ name, value }));

/** The two images a project builds: `train` from Dockerfile.train, `serve` from Dockerfile.serve. */
export type ProjectImage = 'train' | 'serve';

/**
 * The repository of one image in the environment's registry: the name the infrastructure creates, the
 * pipeline pushes to and every workload spec pulls from.
 */
export const imageRepository = (project: Pick<ProjectDeclaration, 'name'>, image: ProjectImage): string => `${project.name}-${image}`;

/** The Dockerfile each image is built from, at the project root. */
export const DOCKERFILES: Record<ProjectImage, string> = { train: 'Dockerfile.train', serve: 'Dockerfile.serve' };

/**
 * The image batch scoring runs in where the platform runs a plain command (Azure ML jobs, Kubernetes): the
 * train image, which every project builds and which holds the package with its batch command; the model
 * comes from the platform's registry or volume, not from the image.
 */
export const BATCH_IMAGE: ProjectImage = 'train';

/**
 * The image a platform's model registry records as scoring a released model: the serve image where the
 * project serves online, else the train image, whose batch command does the scoring.
 */
export const modelImage = (project: ProjectDeclaration): ProjectImage => (servesOnline(project) ? 'serve' : BATCH_IMAGE);

/** Name the package registers its model under (`MODEL_NAME`'s default), in its own registry and the platforms'. */
export const modelName = (project: Pick<ProjectDeclaration, 'packageName'>): string => project.packageName;

/** `<registry>/<project>-train|serve:<tag>`, with registry and tag left to the pipeline. */
export function imageRef(project: ProjectDeclaration, image: ProjectImage): string {
  return `${placeholder('IMAGE_REGISTRY')}/${imageRepository(project, image)}:${placeholder('IMAGE_TAG')}`;
}

/** `python -m <pkg> <command> [...args]`. */
export function packageCommand(project: ProjectDeclaration, command: 'train' | 'evaluate' | 'batch' | 'service', ...args: string[]): string[] {
  return ['python', '-m', project.packageName, command, ...args];
}

/** The service command, bound to all interfaces (the package defaults to 127.0.0.1). */
export function serviceCommand(project: ProjectDeclaration): string[] {
  return packageCommand(project, 'service', '--host', '0.0.0.0', '--port', String(SERVICE_PORT));
}

/** True when the project has an online endpoint. */
export const servesOnline = (project: ProjectDeclaration): boolean => project.serving.mode !== 'batch';
/** True when the project scores in batch. */
export const servesBatch = (project: ProjectDeclaration): boolean => project.serving.mode !== 'online';

/** A GPU compute profile. */
export type GpuProfile = Extract<ComputeProfile, { kind: 'gpu' }>;
/** A CPU compute profile. */
export type CpuProfile = Extract<ComputeProfile, { kind: 'cpu' }>;

/**
 * The GPUs of a torch.distributed training job: PyTorch on GPUs, else undefined (scikit-learn and CPU
 * PyTorch train as one process). The engines start one process per GPU and set WORLD_SIZE, RANK and
 * MASTER_ADDR for `python -m <pkg> train`.
 */
export function distributedGpu(project: ProjectDeclaration): GpuProfile | undefined {
  return project.framework === 'pytorch' && project.training.kind === 'gpu' ? project.training : undefined;
}
