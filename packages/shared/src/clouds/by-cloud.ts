/**
 * The adapters' answers as tables and functions by cloud: the form the public API of
 * `@ai-factory/shared` has always offered them in (paths of the workload specs, their placeholders,
 * the CPU sizes, the RBAC wildcard allow-list).
 */
import { CLOUDS, type Cloud } from '../declaration/common.js';
import { smallestMachine } from '../iac/machine-types.js';
import type { AllowedWildcard } from '../rbac/wildcards.js';
import { smallestCpuSize, type CpuSize } from '../workloads/machines.js';
import { envsubstFormatOf, type WorkloadVariable } from '../workloads/placeholders.js';
import type { CpuProfile } from '../workloads/runtime.js';
import { CLOUD_ADAPTERS, cloudAdapter, type ManagedCloud } from './index.js';

const MANAGED_CLOUDS = CLOUDS.filter((cloud): cloud is ManagedCloud => CLOUD_ADAPTERS[cloud].machines !== undefined);

/** One answer of each of `clouds`' adapters, keyed by cloud. */
function byCloud<C extends Cloud, T>(clouds: readonly C[], answer: (adapter: (typeof CLOUD_ADAPTERS)[C]) => T): Record<C, T> {
  return Object.fromEntries(clouds.map((cloud) => [cloud, answer(CLOUD_ADAPTERS[cloud])])) as Record<C, T>;
}

/** Managed training job spec submitted by the training pipeline, per cloud (run on the cloud's own engine). */
export const TRAINING_JOB_SPEC: Record<Cloud, string> = byCloud(CLOUDS, (adapter) => adapter.workloads.training.path);
/** Managed spec of the online deployment rolled out by the deployment pipeline, per cloud. */
export const ONLINE_DEPLOYMENT_SPEC: Record<Cloud, string> = byCloud(CLOUDS, (adapter) => adapter.workloads.online.path);
/** Managed batch scoring job spec, per cloud. */
export const BATCH_JOB_SPEC: Record<Cloud, string> = byCloud(CLOUDS, (adapter) => adapter.workloads.batch.path);

/** Every placeholder a cloud's specs may contain. */
export const WORKLOAD_VARIABLES: Record<Cloud, readonly WorkloadVariable[]> = byCloud(CLOUDS, (adapter) => adapter.workloads.variables);

/** The SHELL-FORMAT argument of `envsubst` for a cloud, e.g. `${IMAGE_REGISTRY} ${IMAGE_TAG} ${RUN_ID}`. */
export const envsubstFormat = (cloud: Cloud): string => envsubstFormatOf(cloudAdapter(cloud).workloads.variables);

/** General-purpose sizes the workload specs run CPU profiles on, smallest first. */
export const CPU_SIZES: Record<ManagedCloud, readonly CpuSize[]> = byCloud(MANAGED_CLOUDS, (adapter) => adapter.machines.cpuSizes);

/** The smallest workload size with the profile's vCPUs and memory; an error names the largest when none fits. */
export const cpuSize = (cloud: ManagedCloud, profile: CpuProfile): string => smallestCpuSize(cloud, CLOUD_ADAPTERS[cloud].machines.cpuSizes, profile);

/**
 * The smallest CPU machine the Terraform of a cloud provisions with at least `cores` vCPUs and `memoryGi` GiB; AWS names are SageMaker's (`ml.`).
 * @example cpuMachineType('azure', 4, 16) // 'Standard_D4s_v5'
 */
export const cpuMachineType = (cloud: ManagedCloud, cores: number, memoryGi: number): string =>
  smallestMachine(cloud, CLOUD_ADAPTERS[cloud].machines.terraformCpuSizes, cores, memoryGi);

/** Every wildcard action a role may use, with the reason it is needed. */
export const WILDCARD_ALLOW_LIST: readonly AllowedWildcard[] = CLOUDS.flatMap((cloud) => cloudAdapter(cloud).rbac.wildcards);

/** The allow-list entry of a wildcard, if it has one. */
export const allowedWildcard = (cloud: Cloud, action: string): AllowedWildcard | undefined => cloudAdapter(cloud).rbac.wildcards.find((entry) => entry.action === action);
