/**
 * Whether a namespace Role lets its subject do what the pipeline does with Kubernetes objects: create
 * (and, for objects it applies, get and patch) every kind its manifests hold, and `pods/exec` where it
 * copies files with `kubectl cp` or `kubectl exec`.
 */
import { asArray, asObject, type Json } from '../format/parsed.js';

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

const strings = (value: unknown): string[] => asArray(value).filter((item) => typeof item === 'string');

/** The rules of a parsed Role; a field of the wrong kind grants nothing. */
export const roleRules = (role: unknown): Rule[] =>
  asArray(asObject(role).rules).map(asObject).map((rule) => ({ apiGroups: strings(rule.apiGroups), resources: strings(rule.resources), verbs: strings(rule.verbs) }));

/** API group and resource of each kind the workload specs may hold. */
const RESOURCES: Record<string, [group: string, resource: string]> = {
  Pod: ['', 'pods'],
  Service: ['', 'services'],
  PersistentVolumeClaim: ['', 'persistentvolumeclaims'],
  ConfigMap: ['', 'configmaps'],
  Deployment: ['apps', 'deployments'],
  Job: ['batch', 'jobs'],
  CronJob: ['batch', 'cronjobs'],
  HorizontalPodAutoscaler: ['autoscaling', 'horizontalpodautoscalers'],
  PodDisruptionBudget: ['policy', 'poddisruptionbudgets'],
  PyTorchJob: ['kubeflow.org', 'pytorchjobs'],
};

const allows = (rules: Rule[], group: string, resource: string, verb: string): boolean =>
  rules.some((rule) => rule.apiGroups.includes(group) && rule.resources.includes(resource) && rule.verbs.includes(verb));

/**
 * Problems of `rules` for a subject that creates `manifests` (those with `generateName` by `kubectl
 * create`, the others by `kubectl apply`) and, when `execs`, runs `kubectl cp`/`exec` into its pods.
 */
export function grantProblems(rules: Rule[], manifests: Json[], execs: boolean): string[] {
  const needed = new Map<string, Set<string>>();
  const need = (group: string, resource: string, verbs: string[]) => {
    const key = `${group}/${resource}`;
    needed.set(key, new Set([...(needed.get(key) ?? []), ...verbs]));
  };
  for (const manifest of manifests) {
    const target = RESOURCES[String(manifest.kind)];
    if (!target) return [`${String(manifest.kind)} is not a kind this check knows`];
    need(...target, asObject(manifest.metadata).generateName ? ['create', 'get'] : ['create', 'get', 'patch']);
  }
  if (execs) need('', 'pods/exec', ['create']);
  const problems: string[] = [];
  for (const [key, verbs] of needed) {
    // The group never holds a "/", the resource may (pods/exec).
    const [group, resource] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    const missing = [...verbs].filter((verb) => !allows(rules, group, resource, verb));
    if (missing.length > 0) problems.push(`the Role does not grant ${missing.join(', ')} on ${resource}${group ? `.${group}` : ''}`);
  }
  return problems;
}
