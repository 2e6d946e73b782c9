/**
 * Reaching Google Cloud from CI: the job's OIDC token exchanged for the service account's identity
 * (workload identity federation), the gcloud CLI, and the training, gating and deployment the pipelines
 * run on Vertex AI.
 */
import type { CloudCi } from '../adapter.js';
import { objectStoreGate, objectStoreRelease } from '../../cicd/gate.js';
import { uses } from '../../cicd/pins.js';
import { releasedVersion } from '../../cicd/release.js';
import { ROLLOUT } from '../../cicd/rollout.js';
import { substituteSpec } from '../../cicd/substitute.js';
import type { ProjectDeclaration } from '../../declaration/project.js';
import { imageRepository, metricsPushEnvironment, modelImage, modelName, servesOnline } from '../../workloads/runtime.js';
import { RELEASED_MODEL_PATH } from './workloads/batch.js';
import { gcsUri, vertexLabels } from './workloads/common.js';
import { gcpContract, TRAINING_RUNS } from './contract.js';
import { gcpWorkloads } from './workloads/index.js';

const login: CloudCi['login'] = (tokenVar) => [
  'oidc_dir=$(mktemp -d)',
  `printf '%s' "$${tokenVar}" > "$oidc_dir/token"`,
  'gcloud iam workload-identity-pools create-cred-config "$GCP_WORKLOAD_IDENTITY_PROVIDER" --service-account="$GCP_SERVICE_ACCOUNT" ' +
    '--credential-source-file="$oidc_dir/token" --output-file="$oidc_dir/credentials.json"',
  'gcloud auth login --cred-file="$oidc_dir/credentials.json" --quiet',
  'gcloud config set project "$GCP_PROJECT"',
  'export GOOGLE_APPLICATION_CREDENTIALS="$oidc_dir/credentials.json"',
];

/**
 * gcloud has no `--config` for deployModel: the YAML spec goes to the REST API as JSON, with `edit` (a
 * Python expression on `spec`) applied first. `resource` may hold shell variables; `$created` is set to
 * the long-running operation the call started.
 */
function vertexPost(spec: string, region: string | undefined, resource: string, edit: string): string[] {
  return [
    'python -m pip install --quiet pyyaml',
    `python -c 'import json, os, sys, yaml; spec = yaml.safe_load(open(sys.argv[1])); json.dump(${edit}, sys.stdout)' ${spec} > request.json`,
    `created=$(curl --fail-with-body --silent --show-error --request POST --header "Authorization: Bearer $(gcloud auth print-access-token)" ` +
      `--header 'Content-Type: application/json' --data @request.json "https://${region}-aiplatform.googleapis.com/v1/${resource}" | python -c 'import json, sys; print(json.load(sys.stdin).get("name", ""))')`,
  ];
}

/** Waits for the long-running operation `$created` and fails with its error. */
const awaitOperation = (region: string | undefined): string[] => [
  `until [ "$(gcloud ai operations describe "$created" --region=${region} --format='value(done)')" = True ]; do sleep 30; done`,
  `error=$(gcloud ai operations describe "$created" --region=${region} --format='value(error.message)')`,
  'if [ -n "$error" ]; then echo "$created failed: $error" >&2; exit 1; fi',
];

/** The Model Registry id of the project's model; its versions are the releases, each aliased with its run. */
const modelId = (project: ProjectDeclaration): string => project.name;

/** `VERTEX_MODEL`: this run's version of the model, by its alias. */
const releasedModel = (project: ProjectDeclaration, region: string | undefined): string =>
  `export VERTEX_MODEL="projects/$GCP_PROJECT/locations/${region}/models/${modelId(project)}@$RUN_ID"`;

/** `key=value,...` of a labels map, for gcloud's --labels. */
const labelsFlag = (labels: Record<string, string>): string => Object.entries(labels).map(([key, value]) => `${key}=${value}`).join(',');

/**
 * The release as a new version of the project's model (the first upload creates it), aliased with the
 * run; its container is the image that scores with it, with the serving routes where it serves online.
 */
function registerModel(project: ProjectDeclaration, region: string | undefined): string[] {
  const id = modelId(project);
  // A managed endpoint exposes no /metrics to Prometheus: the service pushes them.
  const push = Object.keys(metricsPushEnvironment(project)).map((name) => `${name}=$${name}`);
  // Vertex AI hands port and routes to the container as AIP_HTTP_PORT, AIP_HEALTH_ROUTE and AIP_PREDICT_ROUTE.
  const { port, routes } = gcpContract.serving;
  const serving = servesOnline(project)
    ? ` --container-ports=${port} --container-health-route=${routes.health} --container-predict-route=${routes.predict}${push.length > 0 ? ` --container-env-vars="${push.join(',')}"` : ''}`
    : '';
  return [
    ...releasedVersion(modelName(project)),
    // Vertex AI copies the artifact URI's files for the container (AIP_STORAGE_URI); batch jobs read them through /gcs.
    `artifacts="${gcsUri(project, RELEASED_MODEL_PATH)}"`,
    `registered=$(gcloud ai models list-version ${id} --region=${region} --filter="versionAliases:$RUN_ID" --format='value(versionId)' 2>/dev/null || true)`,
    `if [ -n "$registered" ]; then echo "${id}@$RUN_ID is registered already"; else`,
    '  gcloud storage rsync --recursive "$MODEL_DIR" "$artifacts"',
    `  if gcloud ai models describe ${id} --region=${region} >/dev/null 2>&1; then version=(--parent-model="projects/$GCP_PROJECT/locations/${region}/models/${id}"); else version=(--model-id=${id}); fi`,
    `  gcloud ai models upload --region=${region} --display-name=${project.name} "\${version[@]}" --version-aliases="$RUN_ID" ` +
      `--container-image-uri="$IMAGE_REGISTRY/${imageRepository(project, modelImage(project))}:$IMAGE_TAG" --artifact-uri="$artifacts"${serving} ` +
      `--labels="${labelsFlag(vertexLabels(project, 'model'))},model_version=v$MODEL_VERSION"`,
    'fi',
  ];
}

/**
 * The release deployed next to the live model with the canary share of the endpoint's traffic, then all
 * of it; the previous model is undeployed last.
 */
function rollOut(project: ProjectDeclaration, region: string | undefined, env: string): string[] {
  const { canaryPercent, canarySeconds } = ROLLOUT;
  // "0" in a DeployModelRequest's trafficSplit is the model it deploys.
  const split = `dict(spec, trafficSplit={"0": ${canaryPercent}, os.environ["live"]: ${100 - canaryPercent}} if os.environ["live"] else {"0": 100})`;
  return [
    releasedModel(project, region),
    ...substituteSpec(project, gcpWorkloads.online, gcpWorkloads.variables),
    `endpoint=$(gcloud ai endpoints list --region=${region} --filter="displayName=${project.name}-${env}" --format='value(name)' --limit=1)`,
    `export live=$(gcloud ai endpoints describe "$endpoint" --region=${region} --format='value(deployedModels[0].id)')`,
    ...vertexPost(gcpWorkloads.online.path, region, '$endpoint:deployModel', split),
    ...awaitOperation(region),
    'if [ -n "$live" ]; then',
    `  deployed=$(gcloud ai operations describe "$created" --region=${region} --format='value(response.deployedModel.id)')`,
    `  sleep ${canarySeconds}`,
    `  gcloud ai endpoints update "$endpoint" --region=${region} --traffic-split="$deployed=100"`,
    `  gcloud ai endpoints undeploy-model "$endpoint" --region=${region} --deployed-model-id="$live"`,
    'fi',
  ];
}

export const gcpCi: CloudCi = {
  variables: ['GCP_PROJECT', 'GCP_WORKLOAD_IDENTITY_PROVIDER', 'GCP_SERVICE_ACCOUNT', 'MODEL_STORE_URI'],
  // Docker asks gcloud for a token of the signed-in identity when it pushes to the Artifact Registry host.
  registryLogin: () => ['gcloud auth configure-docker "${IMAGE_REGISTRY%%/*}" --quiet'],
  oidcAudience: 'https://iam.googleapis.com/$GCP_WORKLOAD_IDENTITY_PROVIDER',
  login,
  terraformAuth: () => [], // the CLI login already set the environment the provider reads
  deployer: {
    variables: ['GCP_DEPLOY_SERVICE_ACCOUNT'],
    auth: (tokenVar) => [
      'deploy_dir=$(mktemp -d)',
      `printf '%s' "$${tokenVar}" > "$deploy_dir/token"`,
      'gcloud iam workload-identity-pools create-cred-config "$GCP_WORKLOAD_IDENTITY_PROVIDER" --service-account="$GCP_DEPLOY_SERVICE_ACCOUNT" ' +
        '--credential-source-file="$deploy_dir/token" --output-file="$deploy_dir/credentials.json"',
      // The provider and the gcs backend read these before the job's own login.
      'unset GOOGLE_CREDENTIALS GOOGLE_OAUTH_ACCESS_TOKEN',
      'export GOOGLE_APPLICATION_CREDENTIALS="$deploy_dir/credentials.json"',
    ],
  },
  installCli: () => [
    'curl -fsSL https://dl.google.com/dl/cloudsdk/channels/rapid/google-cloud-cli-linux-x86_64.tar.gz | tar -xz -C /opt',
    'export PATH="/opt/google-cloud-sdk/bin:$PATH"',
  ],
  githubLogin: () => [
    { name: 'Log in to Google Cloud (workload identity federation)', uses: uses('google-github-actions/auth'), with: { workload_identity_provider: '${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}', service_account: '${{ vars.GCP_SERVICE_ACCOUNT }}' } },
    { uses: uses('google-github-actions/setup-gcloud') },
  ],
  azurePipelines: { login, setup: [] },
  submitTraining: (project, region) => [
    ...substituteSpec(project, gcpWorkloads.training, gcpWorkloads.variables),
    `job=$(gcloud ai custom-jobs create --region=${region} --display-name="$RUN_ID" --config=${gcpWorkloads.training.path} --format='value(name)')`,
    'echo "Vertex AI custom job $job"',
    `until state=$(gcloud ai custom-jobs describe "$job" --region=${region} --format='value(state)') && [[ "$state" =~ ^JOB_STATE_(SUCCEEDED|FAILED|CANCELLED|EXPIRED)$ ]]; do sleep 60; done`,
    'echo "state: $state"',
    'test "$state" = JOB_STATE_SUCCEEDED',
  ],
  gate: (project, region) =>
    objectStoreGate(
      {
        // The job writes its runs to <baseOutputDirectory>/runs through the /gcs mount (gcp/contract.ts).
        fetchRun: [
          `job=$(gcloud ai custom-jobs list --region=${region} --filter="displayName=$RUN_ID" --format='value(name)' --limit=1)`,
          `output=$(gcloud ai custom-jobs describe "$job" --region=${region} --format='value(jobSpec.baseOutputDirectory.outputUriPrefix)')`,
          `mkdir -p job-output && gcloud storage rsync --recursive "\${output%/}/${TRAINING_RUNS}" job-output`,
        ],
        runs: 'job-output',
        pull: ['gcloud storage rsync --recursive "$MODEL_STORE_URI/model-registry" .store/model-registry', 'gcloud storage cp "$MODEL_STORE_URI/data/train.csv" .store/data/train.csv'],
        pushRegistry: 'gcloud storage rsync --recursive .store/model-registry "$MODEL_STORE_URI/model-registry"',
      },
      project.packageName,
    ),
  exportRelease: (project) => objectStoreRelease(project),
  registerModel: (project, region) => registerModel(project, region),
  deployOnline: (project, region, env) => rollOut(project, region, env),
  deployBatch: (project, region, env) => [
    ...substituteSpec(project, gcpWorkloads.batch, gcpWorkloads.variables),
    `gcloud ai custom-jobs create --region=${region} --display-name="$RUN_ID-batch-${env}" --config=${gcpWorkloads.batch.path} --labels="${labelsFlag(vertexLabels(project, 'batch'))}"`,
  ],
};
