import { describe, expect, it } from 'vitest';
import { cpu, accelerator, type ComputeProfile } from '../../../declaration/compute.js';
import { environment } from '../../../declaration/environment.js';
import type { Framework } from '../../../declaration/common.js';
import { defineMlProject } from '../../../declaration/project.js';
import { serving } from '../../../declaration/serving.js';
import { trainingManifests } from './training.js';

const manifests = (framework: Framework, training: ComputeProfile) =>
  trainingManifests(
    defineMlProject({
      name: 'vision',
      description: 'Classifies images',
      team: 'cv',
      cloud: 'kubernetes',
      cicd: 'gitlab-ci',
      framework,
      environments: [environment('dev')],
      training,
      serving: serving({ mode: 'online' }),
    }),
  ) as [Record<string, any>, Record<string, any>];

describe('Kubernetes training job', () => {
  it('PyTorchJob: nprocPerNode is the GPU count and there are nodes - 1 Workers', () => {
    const [, job] = manifests('pytorch', accelerator('h100', { count: 8, nodes: 3 }));
    expect(job.kind).toBe('PyTorchJob');
    expect(job.spec.nprocPerNode).toBe('8');
    expect(job.spec.pytorchReplicaSpecs.Master.replicas).toBe(1);
    expect(job.spec.pytorchReplicaSpecs.Worker.replicas).toBe(2);
    const pod = job.spec.pytorchReplicaSpecs.Worker.template.spec;
    expect(pod.containers[0]).toMatchObject({ name: 'pytorch', command: ['torchrun', '-m', 'vision', 'train'], resources: { limits: { 'nvidia.com/gpu': '8' } } });
    expect(pod.nodeSelector).toEqual({ 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' });
  });

  it('PyTorchJob on one node has a Master only; the Master alone mounts the data volume', () => {
    const [claim, job] = manifests('pytorch', accelerator('t4', { count: 2 }));
    expect(Object.keys(job.spec.pytorchReplicaSpecs)).toEqual(['Master']);
    expect(job.spec.pytorchReplicaSpecs.Master.template.spec.volumes[0]).toEqual({ name: 'data', persistentVolumeClaim: { claimName: claim.metadata.name } });
  });

  it('scikit-learn trains as a batch/v1 Job on CPU without GPU placement', () => {
    const [, job] = manifests('sklearn', cpu({ vcpus: 8, memoryGi: 32 }));
    expect(job).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job' });
    const pod = job.spec.template.spec;
    expect(pod.containers[0].resources).toEqual({ requests: { cpu: '8', memory: '32Gi' }, limits: { cpu: '8', memory: '32Gi' } });
    expect(pod.tolerations).toBeUndefined();
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001 });
  });
});
