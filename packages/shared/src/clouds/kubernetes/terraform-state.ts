/**
 * Kubernetes' Terraform state and bootstrap: the `kubernetes` backend keeps the state in a Secret of a
 * namespace of its own, which bootstrap/ creates beside the deployer's cluster rights.
 */
import type { CloudTerraform } from '../adapter.js';
import type { Environment } from '../../declaration/environment.js';
import type { ProjectDeclaration } from '../../declaration/project.js';

/** The environment's namespace, as the tfvars of infra/ name it. */
export const kubernetesNamespace = (project: ProjectDeclaration, environment: Environment): string => `${project.name}-${environment.name}`.slice(0, 63).replace(/-+$/, '');

/** The namespace of the state Secret, a DNS label like every namespace. */
const stateNamespace = (project: ProjectDeclaration, environment: Environment): string => `${kubernetesNamespace(project, environment).slice(0, 55).replace(/-+$/, '')}-tfstate`;

export const kubernetesState: Pick<CloudTerraform, 'backend' | 'ciVariables' | 'bootstrapValues'> = {
  backend: {
    type: 'kubernetes',
    // The cluster is the one the job's kubeconfig points at (KUBE_CONFIG_PATH).
    variables: [],
    config: (project, environment) => ({ namespace: stateNamespace(project, environment), secret_suffix: `${project.name}-${environment.name}` }),
  },
  ciVariables: {},
  bootstrapValues: (project, environment) => ({ namespace: kubernetesNamespace(project, environment), state_namespace: stateNamespace(project, environment) }),
};
