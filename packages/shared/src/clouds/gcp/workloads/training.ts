/**
 * Vertex AI CustomJobSpec (`gcloud ai custom-jobs create --config`). PyTorch on GPUs is a distributed
 * job: worker pool 0 is the chief (one replica), pool 1 the other `nodes - 1` replicas. Vertex AI sets
 * MASTER_ADDR, MASTER_PORT, WORLD_SIZE (replicas) and RANK (replica index) on each; torchrun takes them
 * as the node topology and starts one process per GPU.
 */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { distributedGpu, type GpuProfile, imageRef, packageCommand } from '../../../workloads/runtime.js';
import { trainingEnv } from '../../../workloads/contract.js';
import { gcpContract, trainingOutput } from '../contract.js';
import { gcsUri, machineSpec } from './common.js';

/** The training command of each replica. */
function trainingCommand(project: ProjectDeclaration, gpu: GpuProfile | undefined): string[] {
  if (!gpu) return packageCommand(project, 'train');
  const procs = `--nproc_per_node=${gpu.count}`;
  if (gpu.nodes === 1) return ['torchrun', '--standalone', procs, '-m', project.packageName, 'train'];
  // A shell expands the topology Vertex AI sets at run time; the pipeline's envsubst leaves it alone.
  const launch = `exec torchrun --nnodes="$WORLD_SIZE" --node_rank="$RANK" --master_addr="$MASTER_ADDR" --master_port="$MASTER_PORT" ${procs} -m ${project.packageName} train`;
  return ['sh', '-c', launch];
}

/** The CustomJobSpec as a plain object. */
export function vertexCustomJob(project: ProjectDeclaration): Record<string, unknown> {
  const gpu = distributedGpu(project);
  const runDir = trainingOutput();
  const pool = (replicaCount: number) => ({
    machineSpec: machineSpec(project.training),
    replicaCount,
    diskSpec: { bootDiskType: 'pd-ssd', bootDiskSizeGb: 100 },
    containerSpec: {
      imageUri: imageRef(project, 'train'),
      command: trainingCommand(project, gpu),
      // Data and runs through the /gcs mount (gcp/contract.ts).
      env: trainingEnv(project, gcpContract.training),
    },
  });
  const nodes = gpu?.nodes ?? 1;
  return {
    workerPoolSpecs: nodes > 1 ? [pool(1), pool(nodes - 1)] : [pool(1)],
    baseOutputDirectory: { outputUriPrefix: gcsUri(project, `${runDir}/`) },
    scheduling: { timeout: `${24 * 3600}s` },
  };
}
