/**
 * Admits Kubernetes manifests the way the API server would in a namespace the project's Terraform made:
 * object names by the apiserver's name rules (DNS-1123 subdomain or label, DNS-1035 for Services and
 * PyTorchJobs, with `generateName`'s 5-character suffix), label values, the LimitRange admission
 * (defaults fill unset limits and requests, then every request must fit its limit) and the ResourceQuota
 * (every container bounded, and the pods at the namespace's busiest within the hard limits). Schema
 * validation is validateWorkloads' (kubernetes-models).
 */
import { podSpecs } from '../clouds/kubernetes/workloads/checks.js';
import { cpuCores, memoryGi } from '../clouds/kubernetes/workloads/quantities.js';
import { asArray, asObject, asText, type Json } from '../format/parsed.js';

type Quantities = Record<string, string>;

/** The namespace's LimitRange defaults for a container (kubernetes_limit_range_v1 `default`, `default_request`). */
export interface LimitRangeDefaults {
  default: Quantities;
  defaultRequest: Quantities;
}

/** The namespace's ResourceQuota: `requests.*`/`limits.*` cpu (cores), memory (GiB), GPUs and pods. */
export interface Quota {
  cpu: number;
  memoryGi: number;
  gpus: number;
  pods: number;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Kinds whose names the apiserver (or the operator) holds to a label, not a subdomain. */
const NAME_RULE: Record<string, 'dns1123-label' | 'dns1035-label'> = {
  Service: 'dns1035-label',
  PyTorchJob: 'dns1035-label',
  // The Job controller puts the name in the pods' job-name label: at most 63 characters.
  Job: 'dns1123-label',
  CronJob: 'dns1123-label',
  Deployment: 'dns1123-label',
};

/** Problems of an object's name (or `generateName` plus the suffix the apiserver appends) and labels. */
export function nameProblems(manifest: Json, where: string): string[] {
  const { name, generateName, labels } = asObject(manifest.metadata);
  // The apiserver truncates a prefix to 58 characters and appends 5 lowercase alphanumerics.
  const effective: unknown = typeof generateName === 'string' && name === undefined ? `${generateName.slice(0, 58)}x7k2q` : name;
  const problems: string[] = [];
  if (typeof effective !== 'string') return [`${where}: has neither metadata.name nor metadata.generateName`];
  const rule = NAME_RULE[String(manifest.kind)];
  const [pattern, max] = rule === 'dns1035-label' ? [DNS1035_LABEL, 63] : rule === 'dns1123-label' ? [DNS1123_LABEL, 63] : [DNS1123_SUBDOMAIN, 253];
  if (!pattern.test(effective) || effective.length > max) problems.push(`${where}: name "${effective}" is not a valid ${rule ?? 'dns1123-subdomain'} (at most ${max} characters)`);
  for (const [key, value] of Object.entries(asObject(labels))) {
    if (typeof value !== 'string' || value.length > 63 || !LABEL_VALUE.test(value)) problems.push(`${where}: label ${key}="${String(value)}" is not a valid label value`);
  }
  return problems;
}

interface Admitted {
  requests: Quantities;
  limits: Quantities;
}

/** A parsed `limits` or `requests`: YAML reads `cpu: 2` as a number, Kubernetes as the quantity "2". */
const quantities = (value: unknown): Quantities =>
  Object.fromEntries(Object.entries(asObject(value)).flatMap(([resource, quantity]) => (typeof quantity === 'string' || typeof quantity === 'number' ? [[resource, String(quantity)]] : [])));

/** A container's resources after the LimitRange admission plugin filled in its defaults. */
function withDefaults(container: Json, defaults: LimitRangeDefaults): Admitted {
  const resources = asObject(container.resources);
  const limits: Quantities = { ...defaults.default, ...quantities(resources.limits) };
  // An unset request takes the limit when the container sets one, else the default request.
  const requests: Quantities = { ...defaults.defaultRequest, ...quantities(resources.limits), ...quantities(resources.requests) };
  return { requests, limits };
}

const amount = (resource: string, quantity: string): number => (resource === 'cpu' ? cpuCores(quantity) : resource === 'memory' ? memoryGi(quantity) : Number(quantity));

/** The LimitRange's verdict on one pod spec: every request within its limit. */
export function limitRangeProblems(spec: Json, defaults: LimitRangeDefaults, where: string): string[] {
  const problems: string[] = [];
  for (const container of [...asArray(spec.containers), ...asArray(spec.initContainers)].map(asObject)) {
    const { requests, limits } = withDefaults(container, defaults);
    for (const [resource, request] of Object.entries(requests)) {
      const limit = limits[resource];
      if (limit !== undefined && amount(resource, request) > amount(resource, limit)) {
        problems.push(`${where}: container "${String(container.name)}" requests ${resource} ${request}, more than its limit ${limit}`);
      }
    }
  }
  return problems;
}

/** How many pods of a manifest run at once at its busiest. */
function concurrentPods(manifest: Json, autoscaled: Map<string, number>): number {
  const spec = asObject(manifest.spec);
  switch (manifest.kind) {
    case 'Deployment': {
      const replicas = autoscaled.get(asText(asObject(manifest.metadata).name)) ?? Number(spec.replicas ?? 1);
      return replicas + Number(asObject(asObject(spec.strategy).rollingUpdate).maxSurge ?? 1);
    }
    case 'PyTorchJob':
      return Object.values(asObject(spec.pytorchReplicaSpecs)).reduce<number>((sum, replica) => sum + Number(asObject(replica).replicas ?? 1), 0);
    case 'Job':
      return Number(spec.parallelism ?? 1);
    default:
      return 1;
  }
}

/** Limits of every pod running at once across `manifests` against the quota; also every container must be bounded. */
export function quotaProblems(manifests: Json[], defaults: LimitRangeDefaults, quota: Quota): string[] {
  const autoscaled = new Map(
    manifests
      .filter((m) => m.kind === 'HorizontalPodAutoscaler')
      .map((h): [string, number] => [asText(asObject(asObject(h.spec).scaleTargetRef).name), Number(asObject(h.spec).maxReplicas)]),
  );
  const total = { cpu: 0, memoryGi: 0, gpus: 0, pods: 0 };
  const problems: string[] = [];
  for (const manifest of manifests) {
    for (const { where, spec } of podSpecs(manifest.kind === 'Pod' ? { kind: 'Job', spec: { template: { spec: manifest.spec } } } : manifest)) {
      // Each PyTorchJob replica type is its own pod spec: count that type's replicas only.
      const replicaSpecs = asObject(asObject(manifest.spec).pytorchReplicaSpecs);
      const copies = manifest.kind === 'PyTorchJob' ? Number(asObject(replicaSpecs[where.split('.')[2]!]).replicas ?? 1) : concurrentPods(manifest, autoscaled);
      for (const container of asArray(spec.containers).map(asObject)) {
        const { limits } = withDefaults(container, defaults);
        if (!limits.cpu || !limits.memory) problems.push(`${String(manifest.kind)} ${where}: container "${String(container.name)}" has no cpu or memory limit, which the quota requires`);
        total.cpu += cpuCores(limits.cpu ?? '0') * copies;
        total.memoryGi += memoryGi(limits.memory ?? '0') * copies;
        total.gpus += Number(limits['nvidia.com/gpu'] ?? 0) * copies;
      }
      total.pods += copies;
    }
  }
  for (const key of ['cpu', 'memoryGi', 'gpus', 'pods'] as const) {
    if (total[key] > quota[key] + 1e-9) problems.push(`the pods at the namespace's busiest need ${key} ${total[key]}, more than the quota's ${quota[key]}`);
  }
  return problems;
}
