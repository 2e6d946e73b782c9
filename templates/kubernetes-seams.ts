/**
 * The Kubernetes seams of a generated project, from its files alone: every object its specs and its
 * pipelines create (the volume pod the pipelines print, the gate pod made of the training pod) is
 * admitted in the namespace its Terraform makes (names, LimitRange defaults from variables.tf, the quota
 * from each environment's tfvars), the pipeline Role of each environment grants what the pipelines do
 * and is bound to the identity CI logs in with, and the pipelines wait on conditions the training kind
 * reports.
 */
import { parseAllDocuments } from 'yaml';
import { asArray, asObject, asText, type Json } from '../packages/shared/src/format/parsed.js';
import { grantProblems, roleRules } from '../packages/shared/src/testing/kubernetes-grants.js';
import { limitRangeProblems, nameProblems, quotaProblems, type LimitRangeDefaults } from '../packages/shared/src/testing/kubernetes-admission.js';
import { podSpecs } from '../packages/shared/src/clouds/kubernetes/workloads/checks.js';
import { environmentsOf, pipelinesOf, tfvarsOf } from './seam-testing.js';

type Files = ReadonlyMap<string, string>;

/** A run id no object name may hold: what a CI system may well hand over. */
const HOSTILE_RUN_ID = 'Feature_Branch-42';

/** Conditions each training kind reports (Kubeflow's JobConditionType; batch/v1 JobConditionType). */
const CONDITIONS: Record<string, string[]> = {
  PyTorchJob: ['Created', 'Running', 'Restarting', 'Succeeded', 'Failed', 'Suspended'],
  Job: ['Complete', 'Failed', 'Suspended', 'FailureTarget', 'SuccessCriteriaMet'],
};

const fill = (text: string) =>
  text.replaceAll('${RUN_ID}', HOSTILE_RUN_ID).replaceAll('${IMAGE_REGISTRY}', 'registry.example.com/ml').replaceAll('${IMAGE_TAG}', '3f2c1ab').replaceAll('${PUSHGATEWAY_URL}', 'https://pushgateway.example.com');

/** The default of a variable of infra/variables.tf. */
function variableDefault(files: Files, name: string): string | undefined {
  return new RegExp(`variable "${name}" \\{[^}]*default\\s*=\\s*"?([^"\\n]+)"?`).exec(files.get('infra/variables.tf') ?? '')?.[1]?.trim();
}

/** Every object the pipelines create: the spec files' documents and the pods the pipeline scripts print. */
function createdObjects(files: Files): Json[] {
  const manifests = [...files].filter(([path]) => /^deploy\/kubernetes\/.+\.ya?ml$/.test(path)).flatMap(([, text]) => parseAllDocuments(fill(text)).map((d) => asObject(d.toJS())));
  // Each job that copies prints the same volume pod; one runs at a time in a namespace.
  const printed = [...new Set([...pipelinesOf(files).matchAll(/printf '%s' '(\{"apiVersion":"v1","kind":"Pod".*?\})' \|/g)].map((match) => match[1]!))].map((pod) => asObject(JSON.parse(fill(pod))));
  // The gate pod: the training pod under a name of its own, made by `kubectl create`.
  const training = manifests.find((m) => m.kind === 'PyTorchJob' || m.kind === 'Job');
  const gate = training && /kind: "Pod"/.test(pipelinesOf(files)) ? [{ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: `${asText(asObject(training.metadata).generateName) || 'gate-'}gate-` }, spec: podSpecs(training)[0]!.spec }] : [];
  return [...manifests, ...printed, ...gate];
}

/** Problems of the Kubernetes seams; empty for a project on another cloud. */
export async function kubernetesSeamProblems(files: Files): Promise<string[]> {
  if (![...files.keys()].some((path) => path.startsWith('deploy/kubernetes/'))) return [];
  const pipelines = pipelinesOf(files);
  const objects = createdObjects(files);
  const problems = objects.flatMap((m) => {
    const { name, generateName } = asObject(m.metadata);
    return nameProblems(m, `${String(m.kind)} ${String(name ?? generateName)}`);
  });
  const defaults: LimitRangeDefaults = {
    default: { cpu: variableDefault(files, 'container_default_cpu')!, memory: variableDefault(files, 'container_default_memory')! },
    defaultRequest: { cpu: variableDefault(files, 'container_default_cpu_request')!, memory: variableDefault(files, 'container_default_memory_request')! },
  };
  for (const manifest of objects) {
    for (const { where, spec } of manifest.kind === 'Pod' ? [{ where: 'spec', spec: asObject(manifest.spec) }] : podSpecs(manifest)) {
      problems.push(...limitRangeProblems(spec, defaults, `${String(manifest.kind)} ${where}`));
    }
  }
  // The gate pod follows the training run, never beside it: the quota holds one of them at a time.
  const concurrent = objects.filter((m) => !(m.kind === 'Pod' && asText(asObject(m.metadata).generateName).endsWith('gate-')));
  for (const environment of environmentsOf(files)) {
    const tfvars = await tfvarsOf(files, environment);
    const quota = { cpu: Number(tfvars.quota_cpu), memoryGi: Number(tfvars.quota_memory_gi), gpus: Number(tfvars.quota_gpus), pods: Number(tfvars.quota_pods ?? variableDefault(files, 'quota_pods')) };
    problems.push(...quotaProblems(concurrent, defaults, quota).map((p) => `${environment}: ${p}`));
    const rbac = files.get(`rbac/kubernetes/pipeline-${environment}.yaml`);
    if (!rbac) {
      problems.push(`${environment}: no pipeline Role`);
      continue;
    }
    const [role, binding] = parseAllDocuments(rbac).map((d): Json => asObject(d.toJS()));
    problems.push(...grantProblems(roleRules(role), objects, /kubectl (cp|exec)\b/.test(pipelines)).map((p) => `${environment}: ${p}`));
    // CI presents an OIDC token: the API server sees a user or group, never a service account.
    for (const subject of asArray(binding!.subjects).map(asObject)) if (subject.kind === 'ServiceAccount') problems.push(`${environment}: the pipeline Role is bound to a ServiceAccount, but CI authenticates with its OIDC token`);
  }
  const training = asText(objects.find((m) => m.kind === 'PyTorchJob' || m.kind === 'Job')?.kind);
  for (const [, condition] of pipelines.matchAll(/kubectl wait "\$job" --for=condition=(\w+)/g)) {
    if (training && !CONDITIONS[training]!.some((c) => c.toLowerCase() === condition!.toLowerCase())) problems.push(`the pipelines wait for condition ${condition}, which a ${training} never reports`);
  }
  return problems;
}
