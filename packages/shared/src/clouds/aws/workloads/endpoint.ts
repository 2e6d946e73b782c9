/**
 * SageMaker CreateEndpointConfig request: one production variant of the serve model, starting at the
 * declared minimum instance count (scaling between min and max is an Application Auto Scaling policy).
 */
import type { ProjectDeclaration } from '../../../declaration/project.js';
import { placeholder, runScopedName, sagemakerInstanceType, sagemakerTags } from './common.js';

/** The request body as a plain object; configs are immutable, so each rollout creates a new one. */
export function createEndpointConfig(project: ProjectDeclaration): Record<string, unknown> {
  return {
    EndpointConfigName: runScopedName(project, 'config'),
    ProductionVariants: [
      {
        VariantName: 'AllTraffic',
        ModelName: placeholder('SAGEMAKER_MODEL_NAME'),
        InstanceType: sagemakerInstanceType(project.serving.compute),
        InitialInstanceCount: project.serving.replicas.min,
        InitialVariantWeight: 1,
      },
    ],
    Tags: sagemakerTags(project, 'serving'),
  };
}
