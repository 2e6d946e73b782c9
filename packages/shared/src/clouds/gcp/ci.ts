/**
 * Reaching Google Cloud from CI: the job's OIDC token exchanged for the service account's identity
 * (workload identity federation), the gcloud CLI, and the training, gating and deployment the pipelines
 * run on Vertex AI.
 */
import type { CloudCi } from '../adapter.js';
import { uses } from '../../cicd/pins.js';
import { objectStoreGate } from '../../cicd/gate.js';
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

/** Vertex AI has no `--config` for these calls: the YAML spec goes to the REST API as JSON. `resource` may hold shell variables. */
function vertexPost(spec: string, region: string | undefined, resource: string): string[] {
  return [
    'python -m pip install --quiet pyyaml',
    `python -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)' ${spec} > request.json`,
    `curl --fail-with-body --silent --show-error --request POST --header "Authorization: Bearer $(gcloud auth print-access-token)" ` +
      `--header 'Content-Type: application/json' --data @request.json "https://${region}-aiplatform.googleapis.com/v1/${resource}"`,
  ];
}

export const gcpCi: CloudCi = {
  variables: ['GCP_PROJECT', 'GCP_WORKLOAD_IDENTITY_PROVIDER', 'GCP_SERVICE_ACCOUNT', 'MODEL_STORE_URI'],
  oidcAudience: 'https://iam.googleapis.com/$GCP_WORKLOAD_IDENTITY_PROVIDER',
  login,
  terraformAuth: () => [], // the CLI login already set the environment the provider reads
  installCli: () => [
    'curl -fsSL https://dl.google.com/dl/cloudsdk/channels/rapid/google-cloud-cli-linux-x86_64.tar.gz | tar -xz -C /opt',
    'export PATH="/opt/google-cloud-sdk/bin:$PATH"',
  ],
  githubLogin: () => [
    { name: 'Log in to Google Cloud (workload identity federation)', uses: uses('google-github-actions/auth'), with: { workload_identity_provider: '${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}', service_account: '${{ vars.GCP_SERVICE_ACCOUNT }}' } },
    { uses: uses('google-github-actions/setup-gcloud') },
  ],
  azurePipelines: { login, setup: [] },
  submitTraining: (region) => [
    `job=$(gcloud ai custom-jobs create --region=${region} --display-name="$RUN_ID" --config=${gcpWorkloads.training.path} --format='value(name)')`,
    'echo "Vertex AI custom job $job"',
    `until state=$(gcloud ai custom-jobs describe "$job" --region=${region} --format='value(state)') && [[ "$state" =~ ^JOB_STATE_(SUCCEEDED|FAILED|CANCELLED|EXPIRED)$ ]]; do sleep 60; done`,
    'echo "state: $state"',
    'test "$state" = JOB_STATE_SUCCEEDED',
  ],
  gate: (region, packageName) =>
    objectStoreGate(
      {
        // Vertex AI hands the job AIP_MODEL_DIR = <baseOutputDirectory>/model, the job's RUNS_DIR.
        fetchRun: [
          `job=$(gcloud ai custom-jobs list --region=${region} --filter="displayName=$RUN_ID" --format='value(name)' --limit=1)`,
          `output=$(gcloud ai custom-jobs describe "$job" --region=${region} --format='value(jobSpec.baseOutputDirectory.outputUriPrefix)')`,
          'mkdir -p job-output && gcloud storage rsync --recursive "$output/model" job-output',
        ],
        pull: ['gcloud storage rsync --recursive "$MODEL_STORE_URI/model-registry" .store/model-registry', 'gcloud storage cp "$MODEL_STORE_URI/data/train.csv" .store/data/train.csv'],
        pushRegistry: 'gcloud storage rsync --recursive .store/model-registry "$MODEL_STORE_URI/model-registry"',
      },
      packageName,
    ),
  deployOnline: (region, project, env) => [
    `endpoint=$(gcloud ai endpoints list --region=${region} --filter="displayName=${project}-${env}" --format='value(name)' --limit=1)`,
    ...vertexPost(gcpWorkloads.online.path, region, '$endpoint:deployModel'),
  ],
  deployBatch: (region) => vertexPost(gcpWorkloads.batch.path, region, `projects/$GCP_PROJECT/locations/${region}/batchPredictionJobs`),
};
