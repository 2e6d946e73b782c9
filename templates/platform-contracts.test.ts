/**
 * Each platform's contract (packages/shared/src/clouds/<cloud>/contract.ts), tested by running the real
 * generated entry points under Debian's python3 as the platform runs them: the training command and
 * variables of the synthesized job spec, in a temp dir laid out as the platform lays out the container
 * (the declared data where the platform mounts it), then the real gate script on what the platform keeps
 * of the job; and the serve image's command with the platform's variables, called on its routes.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { substituteSpec } from '../packages/shared/src/cicd/substitute.js';
import { cloudAdapter } from '../packages/shared/src/clouds/index.js';
import { environment } from '../packages/shared/src/declaration/environment.js';
import { defineMlProject, type ProjectDeclaration } from '../packages/shared/src/declaration/project.js';
import { serving } from '../packages/shared/src/declaration/serving.js';
import { accelerator } from '../packages/shared/src/declaration/compute.js';
import { offeredGpus } from '../packages/shared/src/gpu/catalog.js';
import type { Cloud } from '../packages/shared/src/declaration/common.js';
import { cloudTools, generatedProject, onDebian, place, PYTHON, rebased, runShell, serveImageCommand } from './contract-testing.js';
import { freePort, sampleRows, waitForHealth } from './service-testing.js';

const PKG = 'churn_model';
const VERSION = '2026-11-30';
const DATA_URIS: Record<Cloud, string> = {
  aws: 's3://acme-data/churn/train/2026-11.csv',
  gcp: 'gs://acme-data/churn/train/2026-11.csv',
  azure: 'azureml://datastores/curated/paths/churn/train/2026-11.csv',
  kubernetes: 'pvc://churn-model-data/train/2026-11.csv',
};

/** The project on `cloud`, its first environment declaring the data. */
const declared = (cloud: Cloud): ProjectDeclaration =>
  defineMlProject({
    name: 'churn-model', description: 'Predicts churn', team: 'growth', cloud, cicd: 'github-actions', framework: 'sklearn',
    environments: [environment('dev', { data: { uri: DATA_URIS[cloud], version: VERSION } }), environment('prod')],
    serving: serving({ mode: 'online' }),
  });

/** The training spec of `project` as the pipeline submits it: placeholders filled by the real substitution step. */
async function submittedSpec(project: ProjectDeclaration, cwd: string, values: Record<string, string>): Promise<string> {
  const { workloads } = cloudAdapter(project.cloud);
  place(cwd, workloads.training.path, workloads.training.render(project));
  const result = await runShell(substituteSpec(project, workloads.training, workloads.variables), cwd, values);
  expect(result.exitCode, result.stderr).toBe(0);
  return readFileSync(join(cwd, workloads.training.path), 'utf8');
}

let project: string;
let sample: string;
let hashOfSample: string;
const env = { PYTHONPATH: '', TRACKING_BACKEND: 'file' };
const RUN = { RUN_ID: 'churn-model-7', IMAGE_REGISTRY: 'registry.example.com/ml', IMAGE_TAG: 'abc-7', ARTIFACT_BUCKET: 'acme-artifacts', PUSHGATEWAY_URL: 'https://push.example.com', SAGEMAKER_ROLE_ARN: 'arn:aws:iam::123456789012:role/churn' };

beforeAll(async () => {
  project = generatedProject({ cloud: 'aws', serving: 'online' });
  env.PYTHONPATH = join(project, 'src');
  sample = join(project, 'data/sample.csv');
  hashOfSample = (await execa('sha256sum', [sample])).stdout.split(' ')[0]!;
});

/** A fresh copy of the generated project, where a pipeline job runs (each gate keeps its own `.store/` and `job-output/`). */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'checkout-'));
  cpSync(project, dir, { recursive: true });
  return dir;
}

/** Runs a training command in an empty working dir (no data/ beside it: the data must come from the platform). */
async function train(command: string[], variables: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), 'workdir-'));
  const result = await execa(command[0]!, command.slice(1), { cwd, env: { ...env, ...variables }, reject: false });
  expect(result.exitCode, result.stdout + result.stderr).toBe(0);
}

/** The run `latest.json` under `runs` points at, with the data it records. */
function recordedData(runs: string): Record<string, unknown> {
  const { run_id } = JSON.parse(readFileSync(join(runs, 'latest.json'), 'utf8')) as { run_id: string };
  return (JSON.parse(readFileSync(join(runs, run_id, 'metadata.json'), 'utf8')) as { data: Record<string, unknown> }).data;
}

describe('SageMaker', () => {
  const root = mkdtempSync(join(tmpdir(), 'sagemaker-'));
  const storage = mkdtempSync(join(tmpdir(), 'storage-'));
  const ci = mkdtempSync(join(tmpdir(), 'ci-'));

  it('trains on the declared data of its training channel, writes the runs into /opt/ml/model, and the gate finds them in model.tar.gz', { timeout: 120_000 }, async () => {
    const spec = JSON.parse(await submittedSpec(declared('aws'), ci, RUN)) as Record<string, any>;
    const [channel] = spec.InputDataConfig as { ChannelName: string; DataSource: { S3DataSource: { S3Uri: string } } }[];
    expect(channel!.DataSource.S3DataSource.S3Uri).toBe(DATA_URIS.aws);
    // SageMaker downloads the channel's objects into /opt/ml/input/data/<channel>/.
    cpSync(sample, join(root, `opt/ml/input/data/${channel!.ChannelName}`, basename(DATA_URIS.aws)), { recursive: true });
    await train(onDebian(spec.AlgorithmSpecification.ContainerEntrypoint), rebased(spec.Environment, '/opt/ml', root));
    // SageMaker packs /opt/ml/model into model.tar.gz at the job's output path.
    const artifact = `${spec.OutputDataConfig.S3OutputPath}${RUN.RUN_ID}/output/model.tar.gz`;
    mkdirSync(join(storage, 's3', artifact.slice('s3://'.length), '..'), { recursive: true });
    await execa('tar', ['-czf', join(storage, 's3', artifact.slice('s3://'.length)), '-C', join(root, 'opt/ml/model'), '.']);
    place(storage, 's3/acme-store/churn-model/data/train.csv', readFileSync(sample));

    const job = checkout();
    const gate = await runShell(cloudAdapter('aws').ci.gate(declared('aws'), 'eu-west-1'), job, {
      ...env, ...RUN, PATH: `${cloudTools(storage)}:${process.env.PATH}`, DESCRIBED: artifact, MODEL_STORE_URI: 's3://acme-store/churn-model',
    });
    expect(gate.exitCode, gate.stdout + gate.stderr).toBe(0);
    expect(existsSync(join(storage, 's3/acme-store/churn-model/model-registry', PKG, 'champion.json'))).toBe(true);
    expect(recordedData(join(job, 'job-output/runs'))).toMatchObject({ uri: DATA_URIS.aws, version: VERSION, sha256: hashOfSample });
  });

  it('serves the model in /opt/ml/model as `<image> serve`: GET /ping, POST /invocations (JSON and CSV)', { timeout: 60_000 }, async () => {
    const { serving: contract } = cloudAdapter('aws').contract;
    expect(contract).toMatchObject({ args: ['serve'], port: 8080, routes: { health: '/ping', predict: '/invocations' } });
    const registry = join(storage, 's3/acme-store/churn-model/model-registry', PKG);
    const { version } = JSON.parse(readFileSync(join(registry, 'champion.json'), 'utf8')) as { version: number };
    cpSync(join(registry, `v${version}`), join(root, 'opt/ml/model'), { recursive: true });
    const port = await freePort();
    // Nothing in the image's registry: the model must come from /opt/ml/model.
    const served = await serve([...serveImageCommand(project).entrypoint, ...contract.args!], { SAGEMAKER_BASE_DIR: join(root, 'opt/ml'), SAGEMAKER_BIND_TO_PORT: String(port) }, port, contract.routes.health);
    try {
      const rows = sampleRows(project, 3);
      const json = await served.post(contract.routes.predict, JSON.stringify({ rows }), 'application/json');
      expect(json.predictions).toHaveLength(3);
      const csv = [Object.keys(rows[0]!).join(','), ...rows.map((row) => Object.values(row).join(','))].join('\n');
      expect((await served.post(contract.routes.predict, csv, 'text/csv')).probabilities).toEqual(json.probabilities);
    } finally {
      served.stop();
    }
  });
});

describe('Vertex AI', () => {
  const storage = mkdtempSync(join(tmpdir(), 'storage-'));
  const ci = mkdtempSync(join(tmpdir(), 'ci-'));

  it('trains on the declared gs:// data through /gcs, and the gate syncs the runs folder it wrote', { timeout: 120_000 }, async () => {
    const spec = parse(await submittedSpec(declared('gcp'), ci, RUN)) as Record<string, any>;
    const container = spec.workerPoolSpecs[0].containerSpec as { command: string[]; env: { name: string; value: string }[] };
    // Vertex AI mounts Cloud Storage at /gcs: the test's storage folder is both the bucket and the mount.
    place(storage, `gcs/${DATA_URIS.gcp.slice('gs://'.length)}`, readFileSync(sample));
    const variables = Object.fromEntries(container.env.map(({ name, value }) => [name, value.replace(/^\/gcs\//, `${storage}/gcs/`)]));
    await train(onDebian(container.command), variables);
    place(storage, 'gcs/acme-store/churn-model/data/train.csv', readFileSync(sample));

    const job = checkout();
    const gate = await runShell(cloudAdapter('gcp').ci.gate(declared('gcp'), 'europe-west4'), job, {
      ...env, ...RUN, PATH: `${cloudTools(storage)}:${process.env.PATH}`, DESCRIBED: spec.baseOutputDirectory.outputUriPrefix, MODEL_STORE_URI: 'gs://acme-store/churn-model',
    });
    expect(gate.exitCode, gate.stdout + gate.stderr).toBe(0);
    expect(recordedData(join(job, 'job-output'))).toMatchObject({ uri: DATA_URIS.gcp, version: VERSION, sha256: hashOfSample });
  });

  it('serves on AIP_HTTP_PORT, AIP_HEALTH_ROUTE and AIP_PREDICT_ROUTE, answering {"instances"} with {"predictions"}', { timeout: 60_000 }, async () => {
    const { serving: contract } = cloudAdapter('gcp').contract;
    const port = await freePort();
    const { entrypoint, cmd } = serveImageCommand(project);
    const registry = join(storage, 'gcs/acme-store/churn-model/model-registry');
    const served = await serve([...entrypoint, ...cmd], { ...contract.environment, AIP_HTTP_PORT: String(port), MODEL_REGISTRY_DIR: registry }, port, contract.routes.health);
    try {
      const answer = await served.post(contract.routes.predict, JSON.stringify({ instances: sampleRows(project, 2) }), 'application/json');
      expect(answer.predictions).toHaveLength(2);
      expect(answer.predictions[0]).toEqual({ prediction: expect.any(Number), probability: expect.any(Number) });
    } finally {
      served.stop();
    }
  });
});

describe('Azure ML', () => {
  const root = mkdtempSync(join(tmpdir(), 'azureml-'));
  const ci = mkdtempSync(join(tmpdir(), 'ci-'));

  it('trains on its training_data input and records the declared data in the runs output', { timeout: 120_000 }, async () => {
    const spec = parse(await submittedSpec(declared('azure'), ci, RUN)) as Record<string, any>;
    expect(spec.inputs.training_data).toEqual({ type: 'uri_file', path: DATA_URIS.azure, mode: 'ro_mount' });
    // Azure ML mounts each input and output and binds its path into the command, which a shell runs.
    const input = place(root, 'inputs/training_data/2026-11.csv', readFileSync(sample));
    const command = (spec.command as string).replace('${{inputs.training_data}}', input).replace('${{outputs.runs}}', join(root, 'outputs/runs'));
    const bin = cloudTools(root);
    await train(['bash', '-c', command], { ...spec.environment_variables, PATH: `${bin}:${process.env.PATH}` });
    expect(recordedData(join(root, 'outputs/runs'))).toMatchObject({ uri: DATA_URIS.azure, version: VERSION, sha256: hashOfSample });
  });

  it('serves the model mounted under AZUREML_MODEL_DIR on the routes of its inference_config', { timeout: 60_000 }, async () => {
    const deployment = parse(cloudAdapter('azure').workloads.online.render(declared('azure'))) as Record<string, any>;
    const { liveness_route, scoring_route } = deployment.environment.inference_config as Record<string, { path: string; port: number }>;
    const runs = join(root, 'outputs/runs');
    const { run_id } = JSON.parse(readFileSync(join(runs, 'latest.json'), 'utf8')) as { run_id: string };
    // The registered folder is one level below AZUREML_MODEL_DIR.
    cpSync(join(runs, run_id), join(root, 'azureml-models', PKG, '1', 'v1'), { recursive: true });
    const port = await freePort();
    const { entrypoint, cmd } = serveImageCommand(project);
    expect(liveness_route!.port).toBe(8000);
    const served = await serve([...entrypoint, ...cmd, '--port', String(port)], { AZUREML_MODEL_DIR: join(root, 'azureml-models', PKG, '1') }, port, liveness_route!.path);
    try {
      expect((await served.post(scoring_route!.path, JSON.stringify({ rows: sampleRows(project, 2) }), 'application/json')).predictions).toHaveLength(2);
    } finally {
      served.stop();
    }
  });
});

describe('Kubernetes', () => {
  const root = mkdtempSync(join(tmpdir(), 'kubernetes-'));

  it('trains on the declared path of its data volume and writes the runs there', { timeout: 120_000 }, async () => {
    const documents = cloudAdapter('kubernetes').workloads.training.render(declared('kubernetes')).split(/^---$/m).map((doc) => parse(doc)).filter(Boolean);
    const job = documents.find((doc) => doc.kind === 'Job') as Record<string, any>;
    const container = job.spec.template.spec.containers[0] as { command: string[]; env: { name: string; value: string }[] };
    place(root, 'data/train/2026-11.csv', readFileSync(sample));
    const variables = Object.fromEntries(container.env.map(({ name, value }) => [name, value.replace(/^\/data\//, `${root}/data/`)]));
    await train(onDebian(container.command), variables);
    expect(recordedData(join(root, 'data/runs'))).toMatchObject({ uri: DATA_URIS.kubernetes, version: VERSION, sha256: hashOfSample });
  });

  it('answers its probes on the route and port the Deployment probes', { timeout: 60_000 }, async () => {
    const manifests = cloudAdapter('kubernetes').workloads.online.render(declared('kubernetes')).split(/^---$/m).map((doc) => parse(doc)).filter(Boolean);
    const container = (manifests.find((doc) => doc.kind === 'Deployment') as Record<string, any>).spec.template.spec.containers[0];
    const port = await freePort();
    const command = (container.command as string[]).map((part) => (part === '8000' ? String(port) : part));
    expect(container.readinessProbe.httpGet.port).toBe('http');
    await execa(PYTHON, ['-m', PKG, 'evaluate', '--run-dir', join(root, 'data/runs', (JSON.parse(readFileSync(join(root, 'data/runs/latest.json'), 'utf8')) as { run_id: string }).run_id), '--registry-dir', join(root, 'registry')], { cwd: root, env: { ...env } });
    const served = await serve(command, { MODEL_REGISTRY_DIR: join(root, 'registry') }, port, container.readinessProbe.httpGet.path);
    served.stop();
  });
});

describe('images', () => {
  it('copy only what a fresh clone has, take their base as BASE_IMAGE, and the train image bakes no data in', async () => {
    const clone = checkout();
    await execa('git', ['init', '-q'], { cwd: clone });
    await execa('git', ['add', '-A'], { cwd: clone });
    const tracked = (await execa('git', ['ls-files'], { cwd: clone })).stdout.split('\n');
    for (const dockerfile of ['Dockerfile.train', 'Dockerfile.serve']) {
      const text = readFileSync(join(clone, dockerfile), 'utf8');
      expect(text, dockerfile).toMatch(/^ARG BASE_IMAGE=\S+\nFROM \$\{BASE_IMAGE\}$/m);
      const sources = [...text.matchAll(/^COPY (.+) \S+$/gm)].flatMap((match) => match[1]!.split(' '));
      for (const source of sources) expect(tracked.some((file) => file === source || file.startsWith(`${source}/`)), `${dockerfile} copies ${source}`).toBe(true);
      if (dockerfile === 'Dockerfile.train') expect(sources).not.toContain('data');
    }
  });

  it("SageMaker's GPU training entrypoint is a module of the PyTorch package", { timeout: 60_000 }, async () => {
    const gpu = generatedProject({ cloud: 'aws', framework: 'pytorch', serving: 'online', gpu: offeredGpus('aws')[0]! });
    const spec = JSON.parse(cloudAdapter('aws').workloads.training.render(defineMlProject({
      name: 'churn-model', description: '', team: 't', cloud: 'aws', cicd: 'github-actions', framework: 'pytorch',
      environments: [environment('dev')], training: accelerator(offeredGpus('aws')[0]!.sku, { count: offeredGpus('aws')[0]!.count }), serving: serving({ mode: 'online' }),
    }))) as { AlgorithmSpecification: { ContainerEntrypoint: string[] } };
    const [program, ...args] = onDebian(spec.AlgorithmSpecification.ContainerEntrypoint);
    const help = await execa(program!, [...args, '--help'], { env: { PYTHONPATH: join(gpu, 'src') }, reject: false });
    expect(help.exitCode, help.stderr).toBe(0);
    expect(help.stdout).toContain('--nproc-per-node');
  });
});

/** Starts `command` (the container's, on Debian's python) until `health` answers on `port`; posts to it. */
async function serve(command: string[], variables: Record<string, string>, port: number, health: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'serve-'));
  const [program, ...args] = onDebian(command);
  const server = execa(program!, args, { cwd, env: { ...env, MODEL_REGISTRY_DIR: join(cwd, 'model-registry'), ...variables }, reject: false });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, server, health);
  return {
    async post(route: string, body: string, contentType: string): Promise<Record<string, any>> {
      const response = await fetch(`${url}${route}`, { method: 'POST', body, headers: { 'content-type': contentType } });
      const text = await response.text();
      expect(response.status, text).toBe(200);
      return JSON.parse(text) as Record<string, any>;
    },
    stop: () => server.kill(),
  };
}
