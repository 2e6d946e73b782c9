import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { kubernetesCi } from '../clouds/kubernetes/ci.js';
import { kubernetesRole } from '../clouds/kubernetes/rbac.js';
import { kubernetesQuota } from '../clouds/kubernetes/terraform.js';
import { kubernetesWorkloads } from '../clouds/kubernetes/workloads/index.js';
import { volumePod } from '../clouds/kubernetes/workloads/volume-pod.js';
import { accelerator, cpu, type ComputeProfile } from '../declaration/compute.js';
import type { Framework } from '../declaration/common.js';
import { environment } from '../declaration/environment.js';
import { defineMlProject } from '../declaration/project.js';
import { serving, type ServingMode } from '../declaration/serving.js';
import { PIPELINE, roleGrants } from '../rbac/capabilities.js';
import { synthesizeWorkloads } from '../workloads/index.js';
import { grantProblems } from './kubernetes-grants.js';
import { limitRangeProblems, nameProblems, quotaProblems, type LimitRangeDefaults } from './kubernetes-admission.js';
import { validateWorkloads } from './validate-workloads.js';

/** A run id as some CI systems spell it: uppercase and underscores, which no object name may hold. */
const RUN_ID = 'Nightly_Run-42';

/** The LimitRange defaults exactly as the kubernetes-terraform module's variables.tf declares them. */
function limitRangeDefaults(): LimitRangeDefaults {
  const tf = readFileSync(new URL('../../../../templates/iac/kubernetes-terraform/files/infra/variables.tf', import.meta.url), 'utf8');
  const value = (name: string) => new RegExp(`variable "${name}" \\{[^}]*default\\s*=\\s*"([^"]+)"`).exec(tf)![1]!;
  return {
    default: { cpu: value('container_default_cpu'), memory: value('container_default_memory') },
    defaultRequest: { cpu: value('container_default_cpu_request'), memory: value('container_default_memory_request') },
  };
}

const project = (framework: Framework, training: ComputeProfile, mode: ServingMode) =>
  defineMlProject({
    name: 'vision',
    description: 'Classifies images',
    team: 'cv',
    cloud: 'kubernetes',
    cicd: 'github-actions',
    framework,
    environments: [environment('dev')],
    training,
    serving: serving({ mode }),
  });

const CASES = [
  { label: 'PyTorch on 4 A100s', declaration: project('pytorch', accelerator('a100-80gb', { count: 4 }), 'online') },
  { label: 'PyTorch on 2 nodes of 8 H100s', declaration: project('pytorch', accelerator('h100', { count: 8, nodes: 2 }), 'both') },
  { label: 'PyTorch on one T4', declaration: project('pytorch', accelerator('t4'), 'batch') },
  { label: 'scikit-learn on CPU', declaration: project('sklearn', cpu({ vcpus: 8, memoryGi: 32 }), 'both') },
];

/** Every object the pipeline creates, with the run's placeholders substituted as the pipeline would. */
function pipelineObjects(declaration: ReturnType<typeof project>): { files: Map<string, string>; manifests: any[] } {
  const fill = (text: string) => text.replaceAll('${RUN_ID}', RUN_ID).replaceAll('${IMAGE_REGISTRY}', 'registry.example.com/ml').replaceAll('${IMAGE_TAG}', '3f2c1ab').replaceAll('${PUSHGATEWAY_URL}', 'https://pushgateway.example.com');
  const files = new Map(synthesizeWorkloads(declaration).map((artifact) => [artifact.path, artifact.content]));
  const manifests = [...files.values()].flatMap((text) => parseAllDocuments(fill(text)).map((d) => d.toJS()));
  // The volume pod, and the gate pod the pipeline makes of the training pod.
  manifests.push(JSON.parse(fill(JSON.stringify(volumePod(declaration, 'release')))));
  return { files, manifests };
}

describe('the API server admits every Kubernetes object the pipeline creates', () => {
  describe.each(CASES)('$label', ({ declaration }) => {
    const { files, manifests } = pipelineObjects(declaration);
    const defaults = limitRangeDefaults();
    const quota = { ...kubernetesQuota(declaration), pods: 50 };

    it('passes the Kubernetes schemas', () => {
      expect(validateWorkloads(files)).toEqual([]);
    });

    it('has valid names and labels whatever the run id', () => {
      expect(manifests.flatMap((m) => nameProblems(m, `${m.kind}`))).toEqual([]);
    });

    it('fits the LimitRange and the quota', () => {
      const pods = manifests.flatMap((m) => (m.kind === 'Pod' ? [{ where: 'Pod', spec: m.spec }] : []));
      expect(pods.flatMap(({ spec, where }) => limitRangeProblems(spec, defaults, where))).toEqual([]);
      const podSpecsOf = manifests.filter((m) => m.kind !== 'Pod').flatMap((m) => [m.spec?.template?.spec, m.spec?.jobTemplate?.spec?.template?.spec, ...Object.values(m.spec?.pytorchReplicaSpecs ?? {}).map((r: any) => r.template.spec)]).filter(Boolean);
      expect(podSpecsOf.flatMap((spec) => limitRangeProblems(spec, defaults, 'pod'))).toEqual([]);
      expect(quotaProblems(manifests, defaults, quota)).toEqual([]);
    });

    it('is created, applied and copied from by what the pipeline Role grants', () => {
      const grant = roleGrants(declaration).find((g) => g.principal === PIPELINE)!;
      const [role] = parseAllDocuments(kubernetesRole(declaration, grant).content).map((d) => d.toJS());
      expect(grantProblems(role.rules, manifests, true)).toEqual([]);
    });
  });

  it('rejects what the starting main generated: a run id in the name, requests above the default limits, a quota short of the pods', () => {
    const job = { kind: 'PyTorchJob', metadata: { name: `vision-train-${RUN_ID}` } };
    expect(nameProblems(job, 'PyTorchJob')).toHaveLength(1);
    const gpuPod = { containers: [{ name: 'pytorch', resources: { requests: { cpu: '2', memory: '8Gi', 'nvidia.com/gpu': '4' }, limits: { 'nvidia.com/gpu': '4' } } }] };
    expect(limitRangeProblems(gpuPod, limitRangeDefaults(), 'pod')).toEqual([
      'pod: container "pytorch" requests cpu 2, more than its limit 1',
      'pod: container "pytorch" requests memory 8Gi, more than its limit 1Gi',
    ]);
    const deployment = { kind: 'Deployment', metadata: { name: 'vision' }, spec: { replicas: 2, template: { spec: { containers: [{ name: 'serve', resources: { limits: { cpu: '2', memory: '4Gi' } } }] } } } };
    expect(quotaProblems([deployment], limitRangeDefaults(), { cpu: 4, memoryGi: 16, gpus: 0, pods: 50 })).toEqual(["the pods at the namespace's busiest need cpu 6, more than the quota's 4"]);
    expect(grantProblems([{ apiGroups: ['batch'], resources: ['jobs'], verbs: ['create', 'get', 'patch'] }], [{ kind: 'PodDisruptionBudget', metadata: { name: 'vision' } }], false)).toEqual([
      'the Role does not grant create, get, patch on poddisruptionbudgets.policy',
    ]);
  });

  it('multi-GPU training pods get a memory-backed /dev/shm; a single-GPU pod needs none', () => {
    const shm = (declaration: ReturnType<typeof project>) => {
      const job = parseAllDocuments(kubernetesWorkloads.training.render(declaration)).map((d) => d.toJS())[1];
      const pod = job.spec.pytorchReplicaSpecs.Master.template.spec;
      return { volume: pod.volumes.find((v: any) => v.emptyDir?.medium === 'Memory'), mount: pod.containers[0].volumeMounts.find((m: any) => m.mountPath === '/dev/shm') };
    };
    const multi = shm(CASES[0]!.declaration);
    expect(multi.volume).toMatchObject({ name: multi.mount.name, emptyDir: { medium: 'Memory' } });
    expect(shm(CASES[2]!.declaration)).toEqual({ volume: undefined, mount: undefined });
  });

  it('waits for the conditions each training kind reports, and binds the pipeline Role to a user', () => {
    const pytorch = kubernetesCi.submitTraining(CASES[0]!.declaration, undefined).join('\n');
    expect(pytorch).toContain('--for=condition=Succeeded');
    expect(pytorch).toContain('--for=condition=Failed');
    expect(pytorch).not.toMatch(/condition=complete/i);
    expect(kubernetesCi.submitTraining(CASES[3]!.declaration, undefined).join('\n')).toContain('--for=condition=Complete');
    const grant = roleGrants(CASES[0]!.declaration).find((g) => g.principal === PIPELINE)!;
    const binding = parse(kubernetesRole(CASES[0]!.declaration, grant).content.split('---\n')[1]!);
    expect(binding.subjects).toEqual([{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'vision:pipeline:dev' }]);
  });
});
