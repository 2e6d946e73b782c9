/**
 * Reaching Azure from CI: the job's OIDC token exchanged for the service principal's identity (workload
 * identity federation), the Azure CLI, and the training, gating and deployment the pipelines run on Azure ML.
 */
import type { CloudCi } from '../adapter.js';
import { uses } from '../../cicd/pins.js';
import { objectStoreGate } from '../../cicd/gate.js';
import { azureWorkloads } from './workloads/index.js';

/** Resource group and workspace arguments of every `az ml` command. */
const AZ_ML = '--resource-group "$AZURE_RESOURCE_GROUP" --workspace-name "$AZUREML_WORKSPACE"';
const AZ_BLOB = '--auth-mode login --account-name "$AZURE_STORAGE_ACCOUNT"';
const ML_EXTENSION = 'az extension add --name ml --upgrade --yes';

export const azureCi: CloudCi = {
  variables: ['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZUREML_WORKSPACE', 'AZURE_STORAGE_ACCOUNT', 'MODEL_STORE_CONTAINER'],
  oidcAudience: 'api://AzureADTokenExchange',
  login: (tokenVar) => [
    `az login --service-principal --username "$AZURE_CLIENT_ID" --tenant "$AZURE_TENANT_ID" --federated-token "$${tokenVar}" --output none`,
    'az account set --subscription "$AZURE_SUBSCRIPTION_ID"',
  ],
  terraformAuth: (tokenVar) => [
    'export ARM_USE_OIDC=true ARM_CLIENT_ID="$AZURE_CLIENT_ID" ARM_TENANT_ID="$AZURE_TENANT_ID" ARM_SUBSCRIPTION_ID="$AZURE_SUBSCRIPTION_ID"',
    ...(tokenVar ? [`export ARM_OIDC_TOKEN="$${tokenVar}"`] : []),
  ],
  installCli: () => ['python -m pip install --quiet azure-cli'],
  githubLogin: () => [
    { name: 'Log in to Azure (OIDC)', uses: uses('azure/login'), with: { 'client-id': '${{ vars.AZURE_CLIENT_ID }}', 'tenant-id': '${{ vars.AZURE_TENANT_ID }}', 'subscription-id': '${{ vars.AZURE_SUBSCRIPTION_ID }}' } },
  ],
  // AzureCLI@2 has signed in to Azure already; the cloud steps need the ML extension on top.
  azurePipelines: { login: () => [], setup: [{ id: 'azure_ml_cli', name: 'Azure ML CLI', lines: [ML_EXTENSION] }] },
  submitTraining: () => {
    const spec = azureWorkloads.training.path;
    return [
      ML_EXTENSION,
      `az ml job create --file ${spec} --name "$RUN_ID" ${AZ_ML}`,
      `az ml job stream --name "$RUN_ID" ${AZ_ML}`,
      `status=$(az ml job show --name "$RUN_ID" ${AZ_ML} --query status --output tsv)`,
      'echo "Azure ML job $RUN_ID: $status"',
      'test "$status" = Completed',
    ];
  },
  gate: (_region, packageName) =>
    objectStoreGate(
      {
        fetchRun: [`az ml job download --name "$RUN_ID" --output-name runs --download-path .job ${AZ_ML}`, 'mv .job/named-outputs/runs job-output'],
        pull: [
          `az storage blob download-batch ${AZ_BLOB} --source "$MODEL_STORE_CONTAINER" --destination .store --pattern 'model-registry/*'`,
          `az storage blob download ${AZ_BLOB} --container-name "$MODEL_STORE_CONTAINER" --name data/train.csv --file .store/data/train.csv`,
        ],
        pushRegistry: `az storage blob upload-batch ${AZ_BLOB} --destination "$MODEL_STORE_CONTAINER" --destination-path model-registry --source .store/model-registry --overwrite`,
      },
      packageName,
    ),
  deployOnline: () => {
    const spec = azureWorkloads.online.path;
    return [ML_EXTENSION, `az ml online-deployment update --file ${spec} ${AZ_ML} || az ml online-deployment create --file ${spec} --all-traffic ${AZ_ML}`];
  },
  deployBatch: (_region, env) => [ML_EXTENSION, `az ml job create --file ${azureWorkloads.batch.path} --name "$RUN_ID-batch-${env}" ${AZ_ML}`],
};
