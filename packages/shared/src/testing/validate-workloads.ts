/**
 * Checks synthesized workload specs the way their engines would: every Kubernetes manifest against the
 * Kubernetes OpenAPI schema (kubernetes-models), the Kubeflow PyTorchJob against a schema derived from
 * its CRD, GPU requests against their node placement, and the Azure ML, SageMaker and Vertex AI specs
 * against schemas written from the public API references. Placeholders are first replaced by the
 * example values the pipeline would substitute, so names and URIs are checked as the engine sees them.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { PodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import { Service } from 'kubernetes-models/v1/Service';
import { parse, parseAllDocuments } from 'yaml';
import { BATCH_JOB_SPEC, ONLINE_DEPLOYMENT_SPEC, TRAINING_JOB_SPEC, WORKLOAD_VARIABLES } from '../clouds/by-cloud.js';
import { gpuCount, gpuPlacementProblems, podSpecs, selectorProblems } from '../clouds/kubernetes/workloads/checks.js';
import type { Cloud } from '../declaration/common.js';
import { COMMAND_JOB_SCHEMA, MANAGED_ONLINE_DEPLOYMENT_SCHEMA } from '../workloads/schemas/azureml.js';
import type { Schema } from '../workloads/schemas/builders.js';
import { PYTORCH_JOB_SCHEMA } from '../workloads/schemas/pytorchjob.js';
import { CREATE_ENDPOINT_CONFIG_SCHEMA, CREATE_PROCESSING_JOB_SCHEMA, CREATE_TRAINING_JOB_SCHEMA } from '../workloads/schemas/sagemaker.js';
import { CUSTOM_JOB_SPEC_SCHEMA, DEPLOY_MODEL_REQUEST_SCHEMA } from '../workloads/schemas/vertex.js';

type Json = Record<string, unknown>;
type Role = 'training' | 'online' | 'batch';

/** The schema of each managed cloud's spec; Kubernetes files are checked manifest by manifest. */
const CLOUD_SCHEMAS: Record<Exclude<Cloud, 'kubernetes'>, Record<Role, Schema>> = {
  azure: { training: COMMAND_JOB_SCHEMA, online: MANAGED_ONLINE_DEPLOYMENT_SCHEMA, batch: COMMAND_JOB_SCHEMA },
  aws: { training: CREATE_TRAINING_JOB_SCHEMA, online: CREATE_ENDPOINT_CONFIG_SCHEMA, batch: CREATE_PROCESSING_JOB_SCHEMA },
  gcp: { training: CUSTOM_JOB_SPEC_SCHEMA, online: DEPLOY_MODEL_REQUEST_SCHEMA, batch: CUSTOM_JOB_SPEC_SCHEMA },
};

/** kubernetes-models classes by `apiVersion/kind`. */
const KUBERNETES_MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'batch/v1/Job': Job,
  'batch/v1/CronJob': CronJob,
};

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<Schema, ValidateFunction>();
function schemaProblems(schema: Schema, value: unknown, where: string): string[] {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

/** Which cloud and role a path is the spec of, if any. */
function roleOf(path: string): { cloud: Cloud; role: Role } | undefined {
  for (const [role, paths] of [['training', TRAINING_JOB_SPEC], ['online', ONLINE_DEPLOYMENT_SPEC], ['batch', BATCH_JOB_SPEC]] as const) {
    const cloud = (Object.keys(paths) as Cloud[]).find((c) => paths[c] === path);
    if (cloud) return { cloud, role };
  }
  return undefined;
}

/** Replaces `${NAME}` with the variable's example; unknown names are problems. */
function substitute(cloud: Cloud, path: string, content: string): { text: string; problems: string[] } {
  const problems: string[] = [];
  const text = content.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (match, name: string) => {
    const variable = WORKLOAD_VARIABLES[cloud].find((v) => v.name === name);
    if (!variable) problems.push(`${path}: unknown placeholder ${match}; ${cloud} specs may use ${WORKLOAD_VARIABLES[cloud].map((v) => v.name).join(', ')}`);
    return variable?.example ?? match;
  });
  return { text, problems };
}

function manifestProblems(manifest: Json, where: string): string[] {
  const key = `${String(manifest.apiVersion)}/${String(manifest.kind)}`;
  const problems: string[] = [];
  if (manifest.kind === 'PyTorchJob') {
    problems.push(...schemaProblems(PYTORCH_JOB_SCHEMA, manifest, where));
    const nproc = (manifest.spec as Json | undefined)?.nprocPerNode;
    for (const { where: at, spec } of podSpecs(manifest)) {
      const gpus = gpuCount(spec);
      if (gpus > 0 && nproc !== String(gpus)) problems.push(`${where}: ${at} has ${gpus} GPUs but nprocPerNode is ${String(nproc)}`);
    }
    for (const replica of Object.values(((manifest.spec as Json | undefined)?.pytorchReplicaSpecs ?? {}) as Json)) {
      problems.push(...modelProblems(() => new PodTemplateSpec((replica as Json).template as never).validate(), `${where} (pod template)`));
    }
  } else {
    const Model = KUBERNETES_MODELS[key];
    if (!Model) return [`${where}: ${key} is not a kind the workload specs may contain`];
    problems.push(...modelProblems(() => new Model(manifest as never).validate(), where));
  }
  if ((manifest.metadata as Json | undefined)?.namespace !== undefined) problems.push(`${where}: sets a namespace; the namespace is chosen at apply time`);
  for (const { where: at, spec } of podSpecs(manifest)) problems.push(...gpuPlacementProblems(spec, `${where} ${at}`));
  return problems;
}

function modelProblems(validate: () => void, where: string): string[] {
  try {
    validate();
    return [];
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
}

function kubernetesProblems(path: string, text: string): string[] {
  const documents = parseAllDocuments(text);
  const manifests = documents.map((d) => d.toJS() as Json);
  const problems = documents.flatMap((d, i) => d.errors.map((e) => `${path} document ${i + 1}: ${e.message}`));
  manifests.forEach((manifest, i) => problems.push(...manifestProblems(manifest, `${path} ${String(manifest?.kind)}#${i + 1}`)));
  return [...problems, ...selectorProblems(manifests).map((p) => `${path}: ${p}`)];
}

/**
 * Problems with the workload specs among `files` (path → content); other files are ignored.
 * @returns an empty list when every spec is valid
 */
export function validateWorkloads(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, content] of files) {
    const spec = roleOf(path);
    if (!spec) continue;
    const { text, problems: unknown } = substitute(spec.cloud, path, content);
    problems.push(...unknown);
    if (spec.cloud === 'kubernetes') {
      problems.push(...kubernetesProblems(path, text));
      continue;
    }
    let value: unknown;
    try {
      value = path.endsWith('.json') ? JSON.parse(text) : parse(text);
    } catch (error) {
      problems.push(`${path}: does not parse: ${(error as Error).message}`);
      continue;
    }
    problems.push(...schemaProblems(CLOUD_SCHEMAS[spec.cloud][spec.role], value, path));
  }
  return problems;
}
