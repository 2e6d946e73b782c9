/** Pieces of every pod spec: resources and GPU placement from a compute profile, and the hardening. */
import type { ComputeProfile } from '../../../declaration/compute.js';
import { resolveGpu } from '../../../gpu/catalog.js';
import { IMAGE_USER_ID } from '../../../workloads/runtime.js';

type Quantities = Record<string, string>;

/**
 * CPU and memory requested next to GPUs: a GPU profile declares none, but the autoscaler measures CPU
 * against a request and the data loaders need memory.
 */
export const GPU_POD_BASELINE: Quantities = { cpu: '2', memory: '8Gi' };

/**
 * Requests and limits of a container running on a profile. CPU and memory limits equal the requests:
 * a container without limits gets the namespace LimitRange's defaults (1 CPU, 1Gi), below what it
 * requests, and the API server rejects such a pod.
 */
export function resources(profile: ComputeProfile): { requests: Quantities; limits: Quantities } {
  if (profile.kind === 'cpu') {
    const quantities = { cpu: String(profile.vcpus), memory: `${profile.memoryGi}Gi` };
    return { requests: { ...quantities }, limits: { ...quantities } };
  }
  const gpu = resolveGpu(profile.sku, profile.count, 'kubernetes').kubernetes.resources;
  return { requests: { ...GPU_POD_BASELINE, ...gpu.requests }, limits: { ...GPU_POD_BASELINE, ...gpu.limits } };
}

/**
 * Shared memory of a pod with several GPU processes: NCCL and the DataLoader workers exchange tensors
 * through /dev/shm, which a container runtime caps at 64MiB. Memory-backed, so it counts against the
 * container's memory limit: half of it at most.
 */
export function sharedMemory(profile: ComputeProfile): { volumes: object[]; volumeMounts: object[] } {
  if (profile.kind !== 'gpu' || profile.count * profile.nodes < 2) return { volumes: [], volumeMounts: [] };
  const halfGi = Math.max(1, Math.floor(Number.parseInt(GPU_POD_BASELINE.memory!, 10) / 2));
  return {
    volumes: [{ name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: `${halfGi}Gi` } }],
    volumeMounts: [{ name: 'dshm', mountPath: '/dev/shm' }],
  };
}

/** nodeSelector and tolerations that put a pod on the profile's GPU nodes; nothing for CPU. */
export function scheduling(profile: ComputeProfile): { nodeSelector?: Quantities; tolerations?: object[] } {
  if (profile.kind === 'cpu') return {};
  const { nodeSelector, tolerations } = resolveGpu(profile.sku, profile.count, 'kubernetes').kubernetes;
  return { nodeSelector: { ...nodeSelector }, tolerations: tolerations.map((t) => ({ ...t })) };
}

/** Pod-level hardening: the images' non-root user, its group owning mounted volumes, default seccomp. */
export function podSecurityContext(): object {
  return { runAsNonRoot: true, runAsUser: IMAGE_USER_ID, runAsGroup: IMAGE_USER_ID, fsGroup: IMAGE_USER_ID, seccompProfile: { type: 'RuntimeDefault' } };
}

/**
 * Container-level hardening. `readOnlyRootFilesystem` only where the process is known to write to
 * mounted volumes alone (serving, batch); training libraries may write caches next to the code.
 */
export function containerSecurityContext(readOnlyRootFilesystem: boolean): object {
  return { allowPrivilegeEscalation: false, readOnlyRootFilesystem, capabilities: { drop: ['ALL'] } };
}

/** A writable /tmp for containers with a read-only root filesystem. */
export const TMP_VOLUME = { name: 'tmp', emptyDir: {} };
export const TMP_MOUNT = { name: 'tmp', mountPath: '/tmp' };
