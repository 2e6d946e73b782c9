/**
 * Kubernetes Role and RoleBinding per grant, in the environment's namespace (`<project>-<env>`;
 * rbac.tf sets `var.namespace` instead). People bind as the group `<project>:<persona>`, the pipeline as
 * the user the cluster's OIDC authenticator reports for the CI job's token (rbac.tf: `var.pipeline_user`):
 * CI reaches the API server with that token, never with a service account's.
 */
import { emitYaml } from '../../format/yaml/index.js';
import type { ProjectDeclaration } from '../../declaration/project.js';
import type { Artifact } from '../../synth/artifact.js';
import { RBAC_DIR } from '../../synth/paths.js';
import { PIPELINE, resourcePrefix, roleFileStem, type Capability, type RoleGrant } from '../../rbac/capabilities.js';
import { wildcardReasons, type AllowedWildcard } from '../../rbac/wildcards.js';
import type { CloudRbac } from '../adapter.js';

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

/** Kubernetes Roles need no wildcard verb or resource. */
const KUBERNETES_WILDCARDS: readonly AllowedWildcard[] = [];

const READ = ['get', 'list', 'watch'];
const CHANGE = ['create', 'update', 'patch', 'delete'];

/**
 * Capability → Role rules. Compute is the cluster's node pools, outside any namespace Role, and the
 * model registry lives in object storage: those capabilities add no Kubernetes rule.
 */
export const KUBERNETES_RULES: Record<Capability, readonly PolicyRule[]> = {
  observe: [
    { apiGroups: [''], resources: ['pods', 'pods/log', 'services', 'events', 'configmaps'], verbs: READ },
    { apiGroups: ['apps'], resources: ['deployments', 'replicasets'], verbs: READ },
    { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: READ },
    { apiGroups: ['kubeflow.org'], resources: ['pytorchjobs'], verbs: READ },
    { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: READ },
    { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: READ },
  ],
  'read-data': [{ apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: READ }],
  'write-data': [{ apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: CHANGE }],
  // The gate and the volume pods that `kubectl cp` (an exec) copies the registry through are pods of a run.
  'run-jobs': [
    { apiGroups: ['batch'], resources: ['jobs'], verbs: CHANGE },
    { apiGroups: ['kubeflow.org'], resources: ['pytorchjobs'], verbs: CHANGE },
    { apiGroups: [''], resources: ['pods'], verbs: CHANGE },
    { apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] },
  ],
  'register-models': [],
  deploy: [
    { apiGroups: ['apps'], resources: ['deployments'], verbs: CHANGE },
    { apiGroups: [''], resources: ['services', 'configmaps'], verbs: CHANGE },
    { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: CHANGE },
    { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: CHANGE },
    { apiGroups: ['batch'], resources: ['cronjobs'], verbs: CHANGE },
  ],
  'manage-compute': [],
};

/** Kubernetes group of a persona, as the cluster's OIDC provider must name it. */
export const kubernetesGroup = (project: ProjectDeclaration, persona: string) => `${project.name}:${persona}`;

/** The pipeline's user in the synthesized binding; rbac.tf binds the name the cluster really reports (`var.pipeline_user`). */
export const kubernetesPipelineUser = (project: ProjectDeclaration, environment: string) => `${project.name}:pipeline:${environment}`;

/** The Role and RoleBinding YAML (two documents) of one grant. */
export function kubernetesRole(project: ProjectDeclaration, grant: RoleGrant): Artifact {
  // Copies: YAML would write the shared verb lists as anchors and aliases.
  const rules = grant.capabilities.flatMap((capability) => KUBERNETES_RULES[capability].map((rule) => ({ ...rule, apiGroups: [...rule.apiGroups], resources: [...rule.resources], verbs: [...rule.verbs] })));
  wildcardReasons('kubernetes', KUBERNETES_WILDCARDS, rules.flatMap((rule) => [...rule.apiGroups, ...rule.resources, ...rule.verbs]));
  const name = `${project.name}-${grant.principal}`;
  const namespace = resourcePrefix(project, grant.environment);
  const labels = { 'app.kubernetes.io/part-of': project.name, 'app.kubernetes.io/managed-by': 'ai-factory' };
  const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name, namespace, labels }, rules };
  const subject =
    grant.principal === PIPELINE
      ? { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: kubernetesPipelineUser(project, grant.environment) }
      : { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: kubernetesGroup(project, grant.principal) };
  const binding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name, namespace, labels },
    subjects: [subject],
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
  };
  return { path: `${RBAC_DIR}/kubernetes/${roleFileStem(grant)}.yaml`, content: [role, binding].map((doc) => emitYaml(doc)).join('---\n') };
}

export const kubernetesRbac: CloudRbac = { role: kubernetesRole, wildcards: KUBERNETES_WILDCARDS };
