/**
 * Azure ML managed online deployment of the serve image as a custom container: Azure ML routes
 * liveness/readiness and scoring to the routes of azure/contract.ts, and mounts the model under AZUREML_MODEL_DIR.
 */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { imageRef, metricsPushEnvironment } from '../../../workloads/runtime.js';
import { azureContract } from '../contract.js';
import { azureMachine, AZUREML_SCHEMAS, azureTags, placeholder } from './common.js';

const probe = (initialDelay: number) => ({ initial_delay: initialDelay, period: 10, timeout: 5, failure_threshold: 3, success_threshold: 1 });

/** The deployment as a plain object; instance_count starts at the declared minimum. */
export function azuremlOnlineDeployment(project: ProjectDeclaration): Record<string, unknown> {
  const { port, routes } = azureContract.serving;
  const route = (path: string) => ({ path, port });
  return {
    $schema: AZUREML_SCHEMAS.managedOnlineDeployment,
    name: placeholder('AZUREML_DEPLOYMENT_NAME'),
    endpoint_name: placeholder('AZUREML_ENDPOINT_NAME'),
    description: `Online scoring of ${project.name}`,
    // The version the pipeline registered; Azure ML mounts it under AZUREML_MODEL_DIR.
    model: placeholder('AZUREML_MODEL'),
    environment: {
      image: imageRef(project, 'serve'),
      inference_config: { liveness_route: route(routes.health), readiness_route: route(routes.health), scoring_route: route(routes.predict) },
    },
    instance_type: azureMachine(project.serving.compute).type,
    instance_count: project.serving.replicas.min,
    // Managed deployments only take the default scale type; min/max scaling is an Azure Monitor autoscale setting.
    scale_settings: { type: 'default' },
    // A managed endpoint exposes no /metrics to Prometheus: the service pushes them.
    environment_variables: { TRAIN_ON_STARTUP: '0', ...metricsPushEnvironment(project) },
    liveness_probe: probe(20),
    readiness_probe: probe(5),
    tags: azureTags(project, 'serving'),
  };
}
