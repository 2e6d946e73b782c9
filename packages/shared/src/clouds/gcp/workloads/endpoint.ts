/**
 * Vertex AI DeployModelRequest body (endpoints.deployModel): the uploaded model on dedicated machines,
 * autoscaling between the declared replica bounds on CPU utilisation, taking all traffic.
 */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { machineSpec, placeholder } from './common.js';

/** Vertex AI's CPU utilisation autoscaling metric. */
const CPU_METRIC = 'aiplatform.googleapis.com/prediction/online/cpu/utilization';

/** The request body as a plain object. */
export function vertexDeployModel(project: ProjectDeclaration): Record<string, unknown> {
  const { compute, replicas, targetCpuUtilization } = project.serving;
  return {
    deployedModel: {
      model: placeholder('VERTEX_MODEL'),
      displayName: `${project.name}-${placeholder('RUN_ID')}`,
      dedicatedResources: {
        machineSpec: machineSpec(compute),
        minReplicaCount: replicas.min,
        maxReplicaCount: replicas.max,
        autoscalingMetricSpecs: [{ metricName: CPU_METRIC, target: targetCpuUtilization }],
      },
    },
    // "0" is the model being deployed by this request.
    trafficSplit: { '0': 100 },
  };
}
