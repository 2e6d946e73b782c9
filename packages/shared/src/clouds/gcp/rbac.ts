/**
 * GCP custom roles in the `gcloud iam roles create --file` YAML format. Custom roles hold permissions
 * only; rbac.tf binds them in the environment's GCP project, which scopes them to its resources.
 */
import { emitYaml } from '../../format/yaml/index.js';
import type { ProjectDeclaration } from '../../declaration/project.js';
import type { Artifact } from '../../synth/artifact.js';
import { RBAC_DIR } from '../../synth/paths.js';
import { roleFileStem, type Capability, type RoleGrant } from '../../rbac/capabilities.js';
import { wildcardReasons, type AllowedWildcard } from '../../rbac/wildcards.js';
import type { CloudRbac } from '../adapter.js';

/** GCP roles need no wildcard permission. */
const GCP_WILDCARDS: readonly AllowedWildcard[] = [];

/** Capability → IAM permissions. */
export const GCP_PERMISSIONS: Record<Capability, readonly string[]> = {
  observe: [
    'aiplatform.customJobs.get', 'aiplatform.customJobs.list',
    'aiplatform.pipelineJobs.get', 'aiplatform.pipelineJobs.list',
    'aiplatform.models.get', 'aiplatform.models.list',
    'aiplatform.endpoints.get', 'aiplatform.endpoints.list',
    'aiplatform.batchPredictionJobs.get', 'aiplatform.batchPredictionJobs.list',
    'monitoring.timeSeries.list', 'logging.logEntries.list',
  ],
  'read-data': ['storage.buckets.get', 'storage.buckets.list', 'storage.objects.get', 'storage.objects.list'],
  'write-data': ['storage.objects.create', 'storage.objects.update', 'storage.objects.delete'],
  'run-jobs': ['aiplatform.customJobs.create', 'aiplatform.customJobs.cancel', 'aiplatform.pipelineJobs.create', 'aiplatform.pipelineJobs.cancel'],
  'register-models': ['aiplatform.models.upload', 'aiplatform.models.update'],
  deploy: [
    'aiplatform.endpoints.create', 'aiplatform.endpoints.update', 'aiplatform.endpoints.deploy', 'aiplatform.endpoints.undeploy', 'aiplatform.endpoints.delete',
    'aiplatform.batchPredictionJobs.create', 'aiplatform.batchPredictionJobs.cancel',
  ],
  'manage-compute': ['aiplatform.persistentResources.create', 'aiplatform.persistentResources.get', 'aiplatform.persistentResources.list', 'aiplatform.persistentResources.delete'],
};

/** The GCP custom role YAML of one grant; GCP limits the description to 256 characters. */
export function gcpRole(project: ProjectDeclaration, grant: RoleGrant): Artifact {
  const permissions = [...new Set(grant.capabilities.flatMap((capability) => GCP_PERMISSIONS[capability]))];
  wildcardReasons('gcp', GCP_WILDCARDS, permissions);
  const role = {
    title: `${project.name} ${grant.principal} (${grant.environment})`.slice(0, 100),
    description: `${grant.principal} in ${grant.environment} (${grant.level}): ${grant.capabilities.join(', ')}. Managed by AI Factory synth.`.slice(0, 256),
    stage: 'GA',
    includedPermissions: permissions,
  };
  return { path: `${RBAC_DIR}/gcp/${roleFileStem(grant)}.yaml`, content: emitYaml(role) };
}

export const gcpRbac: CloudRbac = { role: gcpRole, wildcards: GCP_WILDCARDS };
