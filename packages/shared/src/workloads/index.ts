/**
 * Workload specs: the training job, online deployment and batch job of the project, in the form its
 * cloud's engine takes them (Kubernetes manifests, Azure ML YAML, SageMaker request JSON, Vertex AI YAML),
 * written to the agreed paths for the pipelines to submit after substituting the workload variables.
 */
import type { Cloud } from '../declaration/common.js';
import type { Artifact, Synthesizer } from '../synth/artifact.js';
import { BATCH_JOB_SPEC, ONLINE_DEPLOYMENT_SPEC, TRAINING_JOB_SPEC } from '../synth/paths.js';
import { awsSpecs } from '../clouds/aws/workloads/index.js';
import { azureSpecs } from '../clouds/azure/workloads/index.js';
import { gcpSpecs } from '../clouds/gcp/workloads/index.js';
import { kubernetesSpecs } from '../clouds/kubernetes/workloads/index.js';
import { servesBatch, servesOnline } from './runtime.js';
import type { WorkloadSpecs } from './specs.js';

export { envsubstFormat, WORKLOAD_VARIABLES, type WorkloadVariable } from './placeholders.js';
export { AZUREML_CLUSTERS, azuremlClusters, type AzuremlCluster } from '../clouds/azure/workloads/index.js';
export { SAGEMAKER_TRAINING_PROGRAM } from '../clouds/aws/workloads/index.js';
export { CPU_SIZES, cpuSize } from './machines.js';
export { HEALTH_PATH, METRICS_PATH, PREDICT_PATH, SERVICE_PORT } from './runtime.js';

const SPECS: Record<Cloud, WorkloadSpecs> = { kubernetes: kubernetesSpecs, azure: azureSpecs, aws: awsSpecs, gcp: gcpSpecs };

/** The training job spec always; the online deployment and batch job specs as the serving mode asks. */
export const synthesizeWorkloads: Synthesizer = (project) => {
  const specs = SPECS[project.cloud];
  const artifacts: Artifact[] = [{ path: TRAINING_JOB_SPEC[project.cloud], content: specs.training(project) }];
  if (servesOnline(project)) artifacts.push({ path: ONLINE_DEPLOYMENT_SPEC[project.cloud], content: specs.online(project) });
  if (servesBatch(project)) artifacts.push({ path: BATCH_JOB_SPEC[project.cloud], content: specs.batch(project) });
  return artifacts;
};
