import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { CLOUDS, type Cloud, type Framework } from '../declaration/common.js';
import { cpu, accelerator, type ComputeProfile } from '../declaration/compute.js';
import { environment } from '../declaration/environment.js';
import { defineMlProject, type ProjectDeclaration } from '../declaration/project.js';
import { serving, SERVING_MODES, type ServingMode, type ServingOptions } from '../declaration/serving.js';
import { withNotice } from '../synth/artifact.js';
import { BATCH_JOB_SPEC, ONLINE_DEPLOYMENT_SPEC, TRAINING_JOB_SPEC } from '../clouds/by-cloud.js';
import { validateWorkloads } from '../testing/validate-workloads.js';
import { envsubstFormat, synthesizeWorkloads } from './index.js';

/** A GPU each cloud sells with 4 GPUs per node, trained on 2 nodes. */
const TRAINING_GPU: Record<Cloud, ComputeProfile> = {
  kubernetes: accelerator('a100-80gb', { count: 4, nodes: 2 }),
  azure: accelerator('a100-80gb', { count: 4, nodes: 2 }),
  aws: accelerator('t4', { count: 4, nodes: 2 }),
  gcp: accelerator('l4', { count: 4, nodes: 2 }),
};

function declare(cloud: Cloud, framework: Framework, mode: ServingMode, training: ComputeProfile = cpu(), servingOptions: Partial<ServingOptions> = {}): ProjectDeclaration {
  return defineMlProject({
    name: 'churn-model',
    description: 'Predicts churn',
    team: 'growth',
    cloud,
    cicd: 'github-actions',
    framework,
    environments: [environment('dev'), environment('prod')],
    training,
    serving: serving({ replicas: { min: 2, max: 6 }, targetCpuUtilization: 65, ...servingOptions, mode }),
  });
}

const files = (project: ProjectDeclaration) => new Map(synthesizeWorkloads(project).map((a) => [a.path, a.content]));

const matrix = CLOUDS.flatMap((cloud) =>
  SERVING_MODES.flatMap((mode) => [
    { cloud, framework: 'sklearn' as const, mode, training: 'cpu' },
    { cloud, framework: 'pytorch' as const, mode, training: 'cpu' },
    { cloud, framework: 'pytorch' as const, mode, training: 'gpu' },
  ]),
);

describe('synthesizeWorkloads', () => {
  it.each(matrix)('$cloud $framework $mode on $training: writes the agreed specs and they validate', ({ cloud, framework, mode, training }) => {
    const project = declare(cloud, framework, mode, training === 'gpu' ? TRAINING_GPU[cloud] : cpu());
    const output = files(project);
    const expected = [TRAINING_JOB_SPEC[cloud], ...(mode === 'batch' ? [] : [ONLINE_DEPLOYMENT_SPEC[cloud]]), ...(mode === 'online' ? [] : [BATCH_JOB_SPEC[cloud]])];
    expect([...output.keys()].sort()).toEqual(expected.sort());
    expect(validateWorkloads(output)).toEqual([]);
    // The synth core accepts every artifact (JSON ones must carry the notice in a field).
    for (const [path, content] of output) {
      expect(() => withNotice({ path, content })).not.toThrow();
      // Shared objects must be written out, not as YAML anchors and aliases.
      expect(content).not.toMatch(/(^|\s)[&*]a\d+\b/m);
    }
  });

  it.each(CLOUDS)('%s: PyTorch served on a GPU validates', (cloud) => {
    const project = declare(cloud, 'pytorch', 'both', TRAINING_GPU[cloud], { compute: accelerator('t4', { count: 1 }) });
    expect(validateWorkloads(files(project))).toEqual([]);
  });

  it('is deterministic', () => {
    const project = declare('kubernetes', 'pytorch', 'both', TRAINING_GPU.kubernetes);
    expect(synthesizeWorkloads(project)).toEqual(synthesizeWorkloads(project));
  });
});

describe('kubernetes serving', () => {
  const docs = (project: ProjectDeclaration) => parseAllDocuments(files(project).get(ONLINE_DEPLOYMENT_SPEC.kubernetes)!).map((d) => d.toJS());

  it('starts at the minimum replicas and autoscales between the bounds on the CPU target', () => {
    const [deployment, , hpa] = docs(declare('kubernetes', 'sklearn', 'online'));
    expect(deployment.spec.replicas).toBe(2);
    expect(hpa.spec).toMatchObject({ minReplicas: 2, maxReplicas: 6, metrics: [{ resource: { target: { averageUtilization: 65 } } }] });
    expect(deployment.spec.template.spec.containers[0].resources.requests).toEqual({ cpu: '2', memory: '4Gi' });
    expect(deployment.spec.template.spec.nodeSelector).toBeUndefined();
  });

  it('places GPU serving pods on the GPU nodes', () => {
    const [deployment] = docs(declare('kubernetes', 'pytorch', 'online', cpu(), { compute: accelerator('l4', { count: 2 }) }));
    const pod = deployment.spec.template.spec;
    expect(pod.nodeSelector).toEqual({ 'nvidia.com/gpu.product': 'NVIDIA-L4' });
    expect(pod.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    // CPU and memory limits equal the requests: the LimitRange default (1 CPU, 1Gi) would be below them.
    expect(pod.containers[0].resources.limits).toEqual({ cpu: '2', memory: '8Gi', 'nvidia.com/gpu': '2' });
  });

  it('runs batch scoring on the declared schedule', () => {
    const project = declare('kubernetes', 'sklearn', 'batch', cpu(), { batchSchedule: '30 1 * * *' });
    const [claim, cronJob] = parseAllDocuments(files(project).get(BATCH_JOB_SPEC.kubernetes)!).map((d) => d.toJS());
    expect(claim.kind).toBe('PersistentVolumeClaim');
    expect(cronJob.spec.schedule).toBe('30 1 * * *');
    expect(cronJob.spec.jobTemplate.spec.template.spec.containers[0].command).toEqual(['python', '-m', 'churn_model', 'batch', '--input', '/data/batch/input.csv', '--output', '/data/batch/scored.csv']);
  });
});

describe('managed clouds', () => {
  it('azure: PyTorch distribution with one process per GPU on every node', () => {
    const job = parse(files(declare('azure', 'pytorch', 'online', TRAINING_GPU.azure)).get(TRAINING_JOB_SPEC.azure)!);
    expect(job.distribution).toEqual({ type: 'pytorch', process_count_per_instance: 4 });
    expect(job.resources).toEqual({ instance_count: 2 });
    expect(job.compute).toBe('azureml:train-cluster');
    const sklearn = parse(files(declare('azure', 'sklearn', 'online')).get(TRAINING_JOB_SPEC.azure)!);
    expect(sklearn.distribution).toBeUndefined();
  });

  it('azure: the online deployment uses the serving size and probes /health', () => {
    const deployment = parse(files(declare('azure', 'sklearn', 'online')).get(ONLINE_DEPLOYMENT_SPEC.azure)!);
    expect(deployment).toMatchObject({ instance_type: 'Standard_D2as_v4', instance_count: 2 });
    expect(deployment.environment.inference_config.readiness_route).toEqual({ path: '/health', port: 8000 });
  });

  it("aws: CPU training defaults to ml.m5.xlarge; GPU training starts the package's torchrun launcher on every instance", () => {
    const cpuJob = JSON.parse(files(declare('aws', 'sklearn', 'online')).get(TRAINING_JOB_SPEC.aws)!);
    expect(cpuJob.ResourceConfig).toMatchObject({ InstanceType: 'ml.m5.xlarge', InstanceCount: 1 });
    expect(cpuJob.AlgorithmSpecification.ContainerEntrypoint).toEqual(['python', '-m', 'churn_model', 'train']);
    const gpuJob = JSON.parse(files(declare('aws', 'pytorch', 'online', TRAINING_GPU.aws)).get(TRAINING_JOB_SPEC.aws)!);
    expect(gpuJob.ResourceConfig).toMatchObject({ InstanceType: 'ml.g4dn.12xlarge', InstanceCount: 2 });
    // No sagemaker_program of a training toolkit the image does not have: the launcher is the package's (ml/tabular-pytorch).
    expect(gpuJob.HyperParameters).toBeUndefined();
    expect(gpuJob.AlgorithmSpecification.ContainerEntrypoint).toEqual(['python', '-m', 'churn_model.launch', '--nproc-per-node', '4']);
  });

  it('gcp: a chief pool and a worker pool of nodes - 1 with the accelerator', () => {
    const spec = parse(files(declare('gcp', 'pytorch', 'online', TRAINING_GPU.gcp)).get(TRAINING_JOB_SPEC.gcp)!);
    expect(spec.workerPoolSpecs.map((pool: { replicaCount: number }) => pool.replicaCount)).toEqual([1, 1]);
    expect(spec.workerPoolSpecs[0].machineSpec).toEqual({ machineType: 'g2-standard-48', acceleratorType: 'NVIDIA_L4', acceleratorCount: 4 });
    const endpoint = parse(files(declare('gcp', 'sklearn', 'online')).get(ONLINE_DEPLOYMENT_SPEC.gcp)!);
    expect(endpoint.deployedModel.dedicatedResources).toMatchObject({ minReplicaCount: 2, maxReplicaCount: 6, machineSpec: { machineType: 'n2-standard-2' } });
  });
});

describe('envsubstFormat', () => {
  it('lists exactly the variables a cloud substitutes', () => {
    expect(envsubstFormat('kubernetes')).toBe('${IMAGE_REGISTRY} ${IMAGE_TAG} ${RUN_ID} ${PUSHGATEWAY_URL}');
  });
});
