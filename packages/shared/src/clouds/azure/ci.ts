/**
 * Reaching Azure from CI: the job's OIDC token exchanged for the service principal's identity (workload
 * identity federation), the Azure CLI, and the training, gating and deployment the pipelines run on Azure ML.
 */
import type { CloudCi } from '../adapter.js';
import { objectStoreGate, objectStoreRelease } from '../../cicd/gate.js';
import { uses } from '../../cicd/pins.js';
import { releasedVersion } from '../../cicd/release.js';
import { ROLLOUT } from '../../cicd/rollout.js';
import { substituteSpec } from '../../cicd/substitute.js';
import type { ProjectDeclaration } from '../../declaration/project.js';
import { modelName } from '../../workloads/runtime.js';
import { azureWorkloads } from './workloads/index.js';

/** Resource group and workspace arguments of every `az ml` command. */
const AZ_ML = '--resource-group "$AZURE_RESOURCE_GROUP" --workspace-name "$AZUREML_WORKSPACE"';
const AZ_BLOB = '--auth-mode login --account-name "$AZURE_STORAGE_ACCOUNT"';
const ML_EXTENSION = 'az extension add --name ml --upgrade --yes';
const ENDPOINT = '--name "$AZUREML_ENDPOINT_NAME"';

/** `AZUREML_MODEL`: the released champion as the workspace knows it once registered. */
const releasedModel = (project: ProjectDeclaration): string[] => [...releasedVersion(modelName(project)), `export AZUREML_MODEL="azureml:${modelName(project)}:$MODEL_VERSION"`];

/**
 * Blue/green behind the managed endpoint: the new model goes to whichever of blue and green holds no
 * traffic, takes the canary share, then everything; the old deployment is deleted last.
 */
function rollOut(project: ProjectDeclaration): string[] {
  const spec = azureWorkloads.online.path;
  const { canaryPercent, canarySeconds } = ROLLOUT;
  // The deployment with the largest share of the endpoint's traffic, or nothing before the first rollout.
  const liveDeployment = `python -c 'import json, sys; t = json.load(sys.stdin) or {}; live = [n for n, p in t.items() if p > 0]; print(max(live, key=t.get) if live else "")'`;
  return [
    ML_EXTENSION,
    ...releasedModel(project),
    `live=$(az ml online-endpoint show ${ENDPOINT} ${AZ_ML} --query traffic --output json | ${liveDeployment})`,
    'if [ "$live" = blue ]; then AZUREML_DEPLOYMENT_NAME=green; else AZUREML_DEPLOYMENT_NAME=blue; fi',
    'export AZUREML_DEPLOYMENT_NAME',
    ...substituteSpec(project, azureWorkloads.online, azureWorkloads.variables),
    // A deployment created without --all-traffic serves nothing until the endpoint's traffic says so.
    `if az ml online-deployment show --name "$AZUREML_DEPLOYMENT_NAME" --endpoint-name "$AZUREML_ENDPOINT_NAME" ${AZ_ML} >/dev/null 2>&1; then`,
    `  az ml online-deployment update --file ${spec} ${AZ_ML}`,
    'else',
    `  az ml online-deployment create --file ${spec} ${AZ_ML}`,
    'fi',
    'if [ -z "$live" ]; then',
    `  az ml online-endpoint update ${ENDPOINT} --traffic "$AZUREML_DEPLOYMENT_NAME=100" ${AZ_ML}`,
    'else',
    `  az ml online-endpoint update ${ENDPOINT} --traffic "$AZUREML_DEPLOYMENT_NAME=${canaryPercent} $live=${100 - canaryPercent}" ${AZ_ML}`,
    `  sleep ${canarySeconds}`,
    `  state=$(az ml online-deployment show --name "$AZUREML_DEPLOYMENT_NAME" --endpoint-name "$AZUREML_ENDPOINT_NAME" ${AZ_ML} --query provisioning_state --output tsv)`,
    '  if [ "$state" != Succeeded ]; then',
    `    az ml online-endpoint update ${ENDPOINT} --traffic "$live=100 $AZUREML_DEPLOYMENT_NAME=0" ${AZ_ML}`,
    '    echo "deployment $AZUREML_DEPLOYMENT_NAME is $state after the canary: traffic stays on $live" >&2; exit 1',
    '  fi',
    `  az ml online-endpoint update ${ENDPOINT} --traffic "$AZUREML_DEPLOYMENT_NAME=100 $live=0" ${AZ_ML}`,
    `  az ml online-deployment delete --name "$live" --endpoint-name "$AZUREML_ENDPOINT_NAME" --yes --no-wait ${AZ_ML}`,
    'fi',
  ];
}

export const azureCi: CloudCi = {
  variables: ['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZUREML_WORKSPACE', 'AZURE_STORAGE_ACCOUNT', 'MODEL_STORE_CONTAINER'],
  // The login server is <registry>.azurecr.io; the CLI hands Docker a token of the signed-in identity.
  registryLogin: () => ['az acr login --name "${IMAGE_REGISTRY%%.*}"'],
  oidcAudience: 'api://AzureADTokenExchange',
  login: (tokenVar) => [
    `az login --service-principal --username "$AZURE_CLIENT_ID" --tenant "$AZURE_TENANT_ID" --federated-token "$${tokenVar}" --output none`,
    'az account set --subscription "$AZURE_SUBSCRIPTION_ID"',
  ],
  terraformAuth: (tokenVar) => [
    'export ARM_USE_OIDC=true ARM_CLIENT_ID="$AZURE_CLIENT_ID" ARM_TENANT_ID="$AZURE_TENANT_ID" ARM_SUBSCRIPTION_ID="$AZURE_SUBSCRIPTION_ID"',
    ...(tokenVar ? [`export ARM_OIDC_TOKEN="$${tokenVar}"`] : []),
  ],
  deployer: {
    variables: ['AZURE_DEPLOY_CLIENT_ID'],
    auth: (tokenVar) => [
      'export ARM_USE_OIDC=true ARM_CLIENT_ID="$AZURE_DEPLOY_CLIENT_ID" ARM_TENANT_ID="$AZURE_TENANT_ID" ARM_SUBSCRIPTION_ID="$AZURE_SUBSCRIPTION_ID"',
      `export ARM_OIDC_TOKEN="$${tokenVar}"`,
    ],
  },
  installCli: () => ['python -m pip install --quiet azure-cli'],
  githubLogin: () => [
    { name: 'Log in to Azure (OIDC)', uses: uses('azure/login'), with: { 'client-id': '${{ vars.AZURE_CLIENT_ID }}', 'tenant-id': '${{ vars.AZURE_TENANT_ID }}', 'subscription-id': '${{ vars.AZURE_SUBSCRIPTION_ID }}' } },
  ],
  // AzureCLI@2 has signed in to Azure already; the cloud steps need the ML extension on top.
  azurePipelines: { login: () => [], setup: [{ id: 'azure_ml_cli', name: 'Azure ML CLI', lines: [ML_EXTENSION] }] },
  submitTraining: (project) => {
    const spec = azureWorkloads.training.path;
    return [
      ML_EXTENSION,
      ...substituteSpec(project, azureWorkloads.training, azureWorkloads.variables),
      `az ml job create --file ${spec} --name "$RUN_ID" ${AZ_ML}`,
      `az ml job stream --name "$RUN_ID" ${AZ_ML}`,
      `status=$(az ml job show --name "$RUN_ID" ${AZ_ML} --query status --output tsv)`,
      'echo "Azure ML job $RUN_ID: $status"',
      'test "$status" = Completed',
    ];
  },
  gate: (project) =>
    objectStoreGate(
      {
        fetchRun: [`az ml job download --name "$RUN_ID" --output-name runs --download-path .job ${AZ_ML}`, 'mv .job/named-outputs/runs job-output'],
        runs: 'job-output',
        pull: [
          `az storage blob download-batch ${AZ_BLOB} --source "$MODEL_STORE_CONTAINER" --destination .store --pattern 'model-registry/*'`,
          `az storage blob download ${AZ_BLOB} --container-name "$MODEL_STORE_CONTAINER" --name data/train.csv --file .store/data/train.csv`,
        ],
        pushRegistry: `az storage blob upload-batch ${AZ_BLOB} --destination "$MODEL_STORE_CONTAINER" --destination-path model-registry --source .store/model-registry --overwrite`,
      },
      project.packageName,
    ),
  exportRelease: (project) => objectStoreRelease(project),
  // The version number is the package registry's, so each environment's workspace numbers it alike.
  registerModel: (project, _region, env) => [
    ML_EXTENSION,
    ...releasedModel(project),
    `if ! az ml model show --name ${modelName(project)} --version "$MODEL_VERSION" ${AZ_ML} >/dev/null 2>&1; then`,
    `  az ml model create --name ${modelName(project)} --version "$MODEL_VERSION" --path "$MODEL_DIR" --type custom_model --description "Champion promoted by $RUN_ID, released to ${env}" ${AZ_ML}`,
    'fi',
  ],
  deployOnline: (project) => rollOut(project),
  deployBatch: (project, _region, env) => [
    ML_EXTENSION,
    ...releasedModel(project),
    ...substituteSpec(project, azureWorkloads.batch, azureWorkloads.variables),
    `az ml job create --file ${azureWorkloads.batch.path} --name "$RUN_ID-batch-${env}" ${AZ_ML}`,
  ],
};
