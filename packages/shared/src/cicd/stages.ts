/**
 * The pipelines of a project, described once for every CI system: CI checks, training with the
 * champion/challenger gate, promotion through the environments, and the drift check.
 */
import { cloudAdapter } from '../clouds/index.js';
import type { CloudAdapter } from '../clouds/adapter.js';
import type { ProjectDeclaration } from '../declaration/project.js';
import { BOOTSTRAP_DIR, TERRAFORM_DIR } from '../synth/paths.js';
import { DOCKERFILES, servesBatch, servesOnline, type ProjectImage } from '../workloads/runtime.js';
import { driftCheck, DRIFT_VARIABLES } from './drift.js';
import { ensureImages, imagesUsedBy } from './images.js';
import { infrastructureSteps, infrastructureVariables } from './infrastructure.js';
import type { CicdPlan, CiStep, JobSpec, PipelineSpec } from './model.js';
import { RELEASE_DOWNLOAD, RELEASE_UPLOAD } from './release.js';

/** Job id of the champion/challenger gate of the training pipeline; the first deployment needs it. */
export const GATE_JOB = 'gate';
/** Job id of the image build that training waits for. */
const IMAGES_JOB = 'images';

/** Job id of the deployment into `env` (environment names may hold "-", job ids may not on every system). */
export const deployJobId = (env: string) => `deploy_${env.replace(/-/g, '_')}`;

const sh = (lines: string[]) => lines.join('\n');

/** The Python checks of CI: lint, tests, and training plus gate on the sample data. */
function pythonCi(packageName: string): CiStep[] {
  return [
    { id: 'install', name: 'Install the package', run: sh(['python -m pip install --upgrade pip', 'python -m pip install -c constraints.txt -e ".[dev]"']) },
    { id: 'lint', name: 'Lint', run: 'ruff check .' },
    { id: 'test', name: 'Unit tests', run: 'python -m pytest -q' },
    { id: 'train', name: 'Train on the sample data', run: `python -m ${packageName} train` },
    // Exit code 0 only when the challenger beats the baseline (and the champion, once there is one).
    { id: 'gate', name: 'Champion/challenger gate', run: `python -m ${packageName} evaluate` },
  ];
}

function terraformCheck(): CiStep[] {
  return [
    { id: 'fmt', name: 'terraform fmt', run: `terraform -chdir=${TERRAFORM_DIR} fmt -check -recursive` },
    {
      id: 'validate',
      name: 'terraform validate',
      // The root module and its bootstrap.
      run: sh([TERRAFORM_DIR, BOOTSTRAP_DIR].flatMap((dir) => [`terraform -chdir=${dir} init -backend=false -input=false`, `terraform -chdir=${dir} validate`])),
    },
  ];
}

function ciPipeline(project: ProjectDeclaration): PipelineSpec {
  const jobs: JobSpec[] = [
    { id: 'python', name: 'Python: lint, test, train, gate', needs: [], toolchains: ['python'], variables: [], steps: pythonCi(project.packageName) },
    {
      id: 'node',
      name: 'Declaration: typecheck and synth check',
      needs: [],
      toolchains: ['node'],
      variables: [],
      steps: [
        { id: 'install', name: 'Install', run: 'npm ci' },
        { id: 'typecheck', name: 'Typecheck', run: 'npm run typecheck' },
        // Fails when a managed file is stale or was edited by hand.
        { id: 'synth', name: 'Managed files are up to date', run: 'npm run synth -- --check' },
      ],
    },
    // Every supported cloud's infrastructure is a Terraform root module in infra/.
    { id: 'terraform', name: 'Terraform: fmt and validate', needs: [], toolchains: ['terraform'], variables: [], steps: terraformCheck() },
  ];
  return { id: 'ci', name: 'CI', onPushAndPullRequest: true, manual: false, schedules: [], jobs };
}

/** The CI variables a cloud job reads: the cloud's own, then the placeholders the platform engineer sets. */
function jobVariables(adapter: CloudAdapter): string[] {
  const placeholders = adapter.workloads.variables.filter((variable) => variable.setBy === 'ci-variable').map((variable) => variable.name);
  return [...new Set([...adapter.ci.variables, ...placeholders])];
}

/** The step that builds and pushes `images` into the job's registry, logging in first. */
function imagesStep(project: ProjectDeclaration, adapter: CloudAdapter, region: string | undefined, images: ProjectImage[]): CiStep | undefined {
  if (images.length === 0) return undefined;
  const login = adapter.ci.registryLogin?.(region);
  return {
    id: 'images',
    name: `Build and push ${images.map((image) => DOCKERFILES[image]).join(', ')}`,
    run: sh([...(login ?? []), ...ensureImages(project, images)]),
    cloud: true,
    // A cloud without a registry of its own (a plain cluster) pushes to the CI system's registry.
    ...(login ? {} : { ciRegistry: true }),
  };
}

function trainPipeline(project: ProjectDeclaration): PipelineSpec {
  const adapter = cloudAdapter(project.cloud);
  const { ci, workloads } = adapter;
  const login = { cloud: project.cloud, region: project.region, scope: { kind: 'training' as const } };
  const variables = jobVariables(adapter);
  const jobs: JobSpec[] = [
    {
      id: IMAGES_JOB,
      name: 'Build the training image',
      needs: [],
      toolchains: ['cloud-cli', 'docker'],
      login,
      variables,
      steps: [imagesStep(project, adapter, project.region, imagesUsedBy(project, [workloads.training]))!],
    },
    {
      id: 'train',
      name: 'Train on the cloud',
      needs: [IMAGES_JOB],
      toolchains: ['cloud-cli'],
      login,
      variables,
      steps: [{ id: 'submit', name: 'Submit the training job and wait', run: sh(ci.submitTraining(project, project.region)), cloud: true }],
    },
    {
      id: GATE_JOB,
      name: 'Champion/challenger gate',
      needs: ['train'],
      toolchains: ['python', 'cloud-cli'],
      login,
      variables,
      steps: [
        { id: 'install', name: 'Install the package', run: 'python -m pip install -c constraints.txt -e .' },
        { id: 'evaluate', name: 'Evaluate the challenger', run: sh(ci.gate(project, project.region)), cloud: true },
        // Runs only once the evaluate step passed, that is when the challenger was promoted.
        { id: 'release', name: 'Hand the promoted champion to the deployments', run: sh(ci.exportRelease(project, project.region)), cloud: true },
      ],
      publishes: RELEASE_UPLOAD,
      // Two gates at once would both read the champion registry before either wrote it back.
      concurrency: `${project.name}-gate`,
    },
  ];
  const schedules = project.pipeline.schedule === null ? [] : [project.pipeline.schedule];
  return { id: 'train', name: 'Train', onPushAndPullRequest: false, manual: true, schedules, jobs };
}

function deployPipeline(project: ProjectDeclaration): PipelineSpec {
  const adapter = cloudAdapter(project.cloud);
  const { ci, workloads } = adapter;
  const specs = [...(servesOnline(project) ? [workloads.online] : []), ...(servesBatch(project) ? [workloads.batch] : [])];
  // An endpoint runs the serve image, named in its spec or in the model the pipeline registers for it.
  const images = [...new Set<ProjectImage>([...(servesOnline(project) ? (['serve'] as const) : []), ...imagesUsedBy(project, specs)])];
  const jobs = project.promotion.map((name, i): JobSpec => {
    const env = project.environments.find((candidate) => candidate.name === name)!;
    const region = env.region ?? project.region;
    const steps: CiStep[] = [{ id: 'install', name: 'Install the package', run: 'python -m pip install -c constraints.txt -e .' }];
    // One remote state per environment.
    steps.push(...infrastructureSteps(project, adapter, env));
    // The serve image carries the released champion (model-registry/, downloaded before the steps).
    const build = imagesStep(project, adapter, region, images);
    if (build) steps.push(build);
    const register = ci.registerModel(project, region, name);
    if (register.length > 0) steps.push({ id: 'register', name: `Register the model in the ${name} registry`, run: sh(register), cloud: true });
    if (servesOnline(project)) steps.push({ id: 'online', name: 'Roll out the online deployment', run: sh(ci.deployOnline(project, region, name)), cloud: true });
    if (servesBatch(project)) steps.push({ id: 'batch', name: 'Roll out batch scoring', run: sh(ci.deployBatch(project, region, name)), cloud: true });
    return {
      id: deployJobId(name),
      name: `Deploy to ${name}`,
      // The first environment waits for the gate; each later one for the environment before it.
      needs: [i === 0 ? GATE_JOB : deployJobId(project.promotion[i - 1]!)],
      toolchains: ['python', 'terraform', 'cloud-cli', ...(build ? (['docker'] as const) : [])],
      login: { cloud: project.cloud, region, scope: { kind: 'environment', name } },
      environment: { name, approval: env.approval },
      variables: [...new Set([...jobVariables(adapter), ...infrastructureVariables(adapter)])],
      steps,
      consumes: RELEASE_DOWNLOAD,
      concurrency: `${project.name}-deploy-${name}`,
    };
  });
  return { id: 'deploy', name: 'Deploy', onPushAndPullRequest: false, manual: false, schedules: [], jobs };
}

function driftPipeline(project: ProjectDeclaration): PipelineSpec {
  const job: JobSpec = {
    id: 'drift',
    name: 'Drift check',
    needs: [],
    toolchains: [],
    variables: DRIFT_VARIABLES,
    steps: [{ id: 'check', name: 'Query the drift metric', run: driftCheck(project) }],
  };
  return {
    id: 'drift-check',
    name: 'Drift check',
    onPushAndPullRequest: false,
    manual: true,
    schedules: [project.pipeline.driftCheckSchedule],
    jobs: [job],
    retrainOnDrift: project.pipeline.retrainOnDrift,
  };
}

/**
 * Describes the CI/CD of a project for any CI system.
 * @example planCicd(project).deploy.jobs.map((job) => job.id) // ['deploy_dev', 'deploy_staging', 'deploy_prod']
 */
export function planCicd(project: ProjectDeclaration): CicdPlan {
  return { ci: ciPipeline(project), train: trainPipeline(project), deploy: deployPipeline(project), driftCheck: driftPipeline(project) };
}
