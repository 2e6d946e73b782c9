/**
 * Consistency checks a schema cannot express, over parsed manifests: GPU requests against the node
 * placement that makes them schedulable, and selectors against the labels they must match.
 */
import { asArray, asObject, type Json } from '../../../format/parsed.js';

const GPU = 'nvidia.com/gpu';
const PRODUCT_LABEL = 'nvidia.com/gpu.product';

/** The pod specs inside a manifest, each with where it sits. */
export function podSpecs(manifest: Json): { where: string; spec: Json }[] {
  const spec = asObject(manifest.spec);
  switch (manifest.kind) {
    case 'Deployment':
    case 'Job':
      return [{ where: 'spec.template.spec', spec: asObject(asObject(spec.template).spec) }];
    case 'CronJob':
      return [{ where: 'spec.jobTemplate.spec.template.spec', spec: asObject(asObject(asObject(asObject(spec.jobTemplate).spec).template).spec) }];
    case 'PyTorchJob':
      return Object.entries(asObject(spec.pytorchReplicaSpecs)).map(([type, replica]) => ({
        where: `spec.pytorchReplicaSpecs.${type}.template.spec`,
        spec: asObject(asObject(asObject(replica).template).spec),
      }));
    default:
      return [];
  }
}

/** GPUs a pod spec asks for (largest container limit), 0 when none. */
export function gpuCount(spec: Json): number {
  return Math.max(0, ...asArray(spec.containers).map((c) => Number(asObject(asObject(asObject(c).resources).limits)[GPU] ?? 0)));
}

/** A GPU request must come with the GPU taint's toleration and a GPU product nodeSelector, and vice versa. */
export function gpuPlacementProblems(spec: Json, where: string): string[] {
  const problems: string[] = [];
  for (const container of asArray(spec.containers).map(asObject)) {
    const { requests, limits } = asObject(container.resources) as { requests?: Json; limits?: Json };
    if ((requests?.[GPU] ?? limits?.[GPU]) !== (limits?.[GPU] ?? requests?.[GPU])) {
      problems.push(`${where}: container "${String(container.name)}" requests ${String(requests?.[GPU])} and limits ${String(limits?.[GPU])} ${GPU}; extended resources must be equal`);
    }
  }
  const gpus = gpuCount(spec);
  const tolerated = asArray(spec.tolerations).some((t) => {
    const toleration = asObject(t);
    return toleration.key === GPU && (toleration.operator === 'Exists' || toleration.operator === 'Equal') && (toleration.effect === undefined || toleration.effect === 'NoSchedule');
  });
  const selected = PRODUCT_LABEL in asObject(spec.nodeSelector);
  if (gpus > 0 && !tolerated) problems.push(`${where}: requests ${gpus} ${GPU} but does not tolerate the ${GPU} NoSchedule taint of GPU nodes`);
  if (gpus > 0 && !selected) problems.push(`${where}: requests ${gpus} ${GPU} but has no ${PRODUCT_LABEL} nodeSelector, so it may land on any GPU model`);
  if (gpus === 0 && (tolerated || selected)) problems.push(`${where}: is placed on GPU nodes but requests no ${GPU}`);
  return problems;
}

const matches = (selector: Json, labels: Json): boolean => Object.entries(selector).every(([key, value]) => labels[key] === value);

/** Deployment and PodDisruptionBudget selectors must match the Deployment's pods, and the Service too. */
export function selectorProblems(manifests: Json[]): string[] {
  const problems: string[] = [];
  const deployments = manifests.filter((m) => m.kind === 'Deployment');
  const podLabels = deployments.map((d) => asObject(asObject(asObject(asObject(d.spec).template).metadata).labels));
  for (const manifest of manifests) {
    const name = `${String(manifest.kind)}/${String(asObject(manifest.metadata).name)}`;
    const spec = asObject(manifest.spec);
    const selector = manifest.kind === 'Service' ? asObject(spec.selector) : asObject(asObject(spec.selector).matchLabels);
    if (!['Deployment', 'Service', 'PodDisruptionBudget'].includes(String(manifest.kind))) continue;
    if (Object.keys(selector).length === 0) problems.push(`${name}: has an empty selector`);
    else if (!podLabels.some((labels) => matches(selector, labels))) problems.push(`${name}: selector ${JSON.stringify(selector)} matches no Deployment's pod labels`);
  }
  const names = new Set(deployments.map((d) => asObject(d.metadata).name));
  for (const hpa of manifests.filter((m) => m.kind === 'HorizontalPodAutoscaler')) {
    const target = asObject(asObject(hpa.spec).scaleTargetRef);
    if (!names.has(target.name)) problems.push(`HorizontalPodAutoscaler/${String(asObject(hpa.metadata).name)}: scales ${String(target.kind)}/${String(target.name)}, which is not in the file`);
  }
  return problems;
}
