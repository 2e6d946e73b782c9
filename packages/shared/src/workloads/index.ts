/**
 * Workload specs: the training job, online deployment and batch job of the project, in the form its
 * cloud's engine takes them (Kubernetes manifests, Azure ML YAML, SageMaker request JSON, Vertex AI YAML),
 * written to the cloud's paths for the pipelines to submit after substituting the workload variables.
 */
import { cloudAdapter } from '../clouds/index.js';
import type { Artifact, Synthesizer } from '../synth/artifact.js';
import { renderedSpec } from './rendered.js';
import { servesBatch, servesOnline } from './runtime.js';

export type { WorkloadVariable } from './placeholders.js';
export { CPU_SIZES, cpuSize, envsubstFormat, WORKLOAD_VARIABLES } from '../clouds/by-cloud.js';
export { AZUREML_CLUSTERS, azuremlClusters, type AzuremlCluster } from '../clouds/azure/workloads/index.js';
export { SAGEMAKER_LAUNCHER } from '../clouds/aws/workloads/index.js';
export { HEALTH_PATH, METRICS_PATH, PREDICT_PATH, SERVICE_PORT } from './runtime.js';

/** The training job spec always; the online deployment and batch job specs as the serving mode asks. */
export const synthesizeWorkloads: Synthesizer = (project) => {
  const { training, online, batch } = cloudAdapter(project.cloud).workloads;
  const specs = [training, ...(servesOnline(project) ? [online] : []), ...(servesBatch(project) ? [batch] : [])];
  return specs.map((spec): Artifact => ({ path: spec.path, content: renderedSpec(project, spec) }));
};
