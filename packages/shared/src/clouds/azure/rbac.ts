/**
 * Azure custom role definitions (the `az role definition create` JSON format). Control-plane actions
 * go to Actions, blob access to DataActions; rbac.tf substitutes the resource group for the scope.
 */
import type { ProjectDeclaration } from '../../declaration/project.js';
import { GENERATED_NOTICE, type Artifact } from '../../synth/artifact.js';
import { RBAC_DIR } from '../../synth/paths.js';
import { roleFileStem, type Capability, type RoleGrant } from '../../rbac/capabilities.js';
import { wildcardReasons, type AllowedWildcard } from '../../rbac/wildcards.js';
import type { CloudRbac } from '../adapter.js';

/** The wildcards Azure roles may use. */
export const AZURE_WILDCARDS: readonly AllowedWildcard[] = [
  {
    cloud: 'azure',
    action: 'Microsoft.MachineLearningServices/workspaces/*/read',
    reason:
      'Azure ML studio and SDK read many workspace sub-resource types (datastores, environments, components, job and model versions) whose ' +
      'list grows with each API version; Microsoft documents this read-only wildcard as the requirement for submitting jobs. It grants no write and is scoped to the project resource group.',
  },
];

/** Placeholder of the assignable scope; rbac.tf replaces it with the project resource group's id. */
export const AZURE_SCOPE_PLACEHOLDER = '{resourceGroupScope}';

const ML = 'Microsoft.MachineLearningServices/workspaces';
const BLOBS = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs';

/** Capability → Azure control-plane actions and data actions. */
export const AZURE_ACTIONS: Record<Capability, { actions: readonly string[]; dataActions: readonly string[] }> = {
  observe: {
    actions: [`${ML}/read`, `${ML}/*/read`, 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Insights/metrics/read', 'Microsoft.Insights/metricDefinitions/read'],
    dataActions: [],
  },
  'read-data': { actions: ['Microsoft.Storage/storageAccounts/read', 'Microsoft.Storage/storageAccounts/blobServices/containers/read'], dataActions: [`${BLOBS}/read`] },
  'write-data': { actions: [], dataActions: [`${BLOBS}/write`, `${BLOBS}/add/action`, `${BLOBS}/delete`] },
  'run-jobs': {
    actions: [
      `${ML}/jobs/write`,
      `${ML}/environments/write`,
      `${ML}/environments/build/action`,
      `${ML}/environments/readSecrets/action`,
      `${ML}/metadata/artifacts/write`,
      `${ML}/codes/versions/write`,
      `${ML}/computes/start/action`,
      `${ML}/computes/stop/action`,
    ],
    dataActions: [],
  },
  'register-models': { actions: [`${ML}/models/write`, `${ML}/models/versions/write`], dataActions: [] },
  deploy: {
    actions: [
      `${ML}/onlineEndpoints/write`,
      `${ML}/onlineEndpoints/delete`,
      `${ML}/onlineEndpoints/deployments/write`,
      `${ML}/onlineEndpoints/deployments/delete`,
      `${ML}/batchEndpoints/write`,
      `${ML}/batchEndpoints/deployments/write`,
    ],
    dataActions: [],
  },
  'manage-compute': { actions: [`${ML}/computes/write`, `${ML}/computes/delete`], dataActions: [] },
};

/** The Azure role definition JSON of one grant. */
export function azureRole(project: ProjectDeclaration, grant: RoleGrant): Artifact {
  const actions = grant.capabilities.flatMap((capability) => AZURE_ACTIONS[capability].actions);
  const dataActions = grant.capabilities.flatMap((capability) => AZURE_ACTIONS[capability].dataActions);
  const reasons = wildcardReasons('azure', AZURE_WILDCARDS, [...actions, ...dataActions]);
  const definition = {
    Name: `${project.name} ${grant.principal} (${grant.environment})`,
    IsCustom: true,
    Description: [
      `${grant.principal} of ${project.name} in ${grant.environment} (${grant.level}): ${grant.capabilities.join(', ')}.`,
      ...reasons.map((reason) => `Wildcard ${reason}`),
      GENERATED_NOTICE,
    ].join(' '),
    Actions: actions,
    NotActions: [],
    DataActions: dataActions,
    NotDataActions: [],
    AssignableScopes: [AZURE_SCOPE_PLACEHOLDER],
  };
  return { path: `${RBAC_DIR}/azure/${roleFileStem(grant)}.json`, content: `${JSON.stringify(definition, null, 2)}\n` };
}

export const azureRbac: CloudRbac = { role: azureRole, wildcards: AZURE_WILDCARDS };
