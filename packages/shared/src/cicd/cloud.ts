/**
 * What the pipelines run on each cloud's own engine: submit the managed training job spec and wait,
 * and gate the run (deployments are in deploy.ts). Shell only; logging in is done before (see login.ts).
 * All names and settings come from CI variables (plain configuration, no credentials).
 */
import type { Cloud } from '../declaration/common.js';
import { TRAINING_JOB_SPEC } from '../synth/paths.js';

/** CI variables each cloud's jobs read; the identity ones feed the OIDC login. */
export const CLOUD_VARIABLES: Record<Cloud, string[]> = {
  azure: ['AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZUREML_WORKSPACE', 'AZURE_STORAGE_ACCOUNT', 'MODEL_STORE_CONTAINER'],
  aws: ['AWS_ROLE_ARN', 'MODEL_STORE_URI'],
  gcp: ['GCP_PROJECT', 'GCP_WORKLOAD_IDENTITY_PROVIDER', 'GCP_SERVICE_ACCOUNT', 'MODEL_STORE_URI'],
  kubernetes: ['K8S_SERVER', 'K8S_CA_DATA', 'K8S_NAMESPACE', 'K8S_OIDC_AUDIENCE'],
};

/** Resource group and workspace arguments of every `az ml` command. */
export const AZ_ML = '--resource-group "$AZURE_RESOURCE_GROUP" --workspace-name "$AZUREML_WORKSPACE"';
const AZ_BLOB = '--auth-mode login --account-name "$AZURE_STORAGE_ACCOUNT"';

/** Submits the training job spec under the name `$RUN_ID` and waits until it has finished successfully. */
export function submitTraining(cloud: Cloud, region: string | undefined): string[] {
  const spec = TRAINING_JOB_SPEC[cloud];
  switch (cloud) {
    case 'azure':
      return [
        'az extension add --name ml --upgrade --yes',
        `az ml job create --file ${spec} --name "$RUN_ID" ${AZ_ML}`,
        `az ml job stream --name "$RUN_ID" ${AZ_ML}`,
        `status=$(az ml job show --name "$RUN_ID" ${AZ_ML} --query status --output tsv)`,
        'echo "Azure ML job $RUN_ID: $status"',
        'test "$status" = Completed',
      ];
    case 'aws':
      return [
        // Arguments given next to --cli-input-json override the file, so each run gets its own name.
        `aws sagemaker create-training-job --cli-input-json file://${spec} --training-job-name "$RUN_ID"`,
        'aws sagemaker wait training-job-completed-or-stopped --training-job-name "$RUN_ID"',
        'status=$(aws sagemaker describe-training-job --training-job-name "$RUN_ID" --query TrainingJobStatus --output text)',
        'echo "SageMaker training job $RUN_ID: $status"',
        'test "$status" = Completed',
      ];
    case 'gcp':
      return [
        `job=$(gcloud ai custom-jobs create --region=${region} --display-name="$RUN_ID" --config=${spec} --format='value(name)')`,
        'echo "Vertex AI custom job $job"',
        `until state=$(gcloud ai custom-jobs describe "$job" --region=${region} --format='value(state)') && [[ "$state" =~ ^JOB_STATE_(SUCCEEDED|FAILED|CANCELLED|EXPIRED)$ ]]; do sleep 60; done`,
        'echo "state: $state"',
        'test "$state" = JOB_STATE_SUCCEEDED',
      ];
    case 'kubernetes':
      return [
        // A Job's pod template is immutable: replace the previous run's Job instead of applying over it.
        `kubectl delete --filename ${spec} --ignore-not-found --wait=true`,
        'job=$(kubectl create --filename ' + spec + ' --output name)',
        // --timeout=0 checks once; Jobs report success and failure as separate conditions.
        'until kubectl wait "$job" --for=condition=complete --timeout=0 >/dev/null 2>&1; do',
        '  if kubectl wait "$job" --for=condition=failed --timeout=0 >/dev/null 2>&1; then',
        '    kubectl logs "$job" --tail=200 || true',
        '    echo "training job $job failed" >&2; exit 1',
        '  fi',
        '  sleep 30',
        'done',
      ];
  }
}

/** Object-store copies of the champion registry (`model-registry/`) and the labelled data (`data/train.csv`). */
function store(cloud: Exclude<Cloud, 'kubernetes'>): { pull: string[]; pushRegistry: string } {
  switch (cloud) {
    case 'azure':
      return {
        pull: [
          `az storage blob download-batch ${AZ_BLOB} --source "$MODEL_STORE_CONTAINER" --destination .store --pattern 'model-registry/*'`,
          `az storage blob download ${AZ_BLOB} --container-name "$MODEL_STORE_CONTAINER" --name data/train.csv --file .store/data/train.csv`,
        ],
        pushRegistry: `az storage blob upload-batch ${AZ_BLOB} --destination "$MODEL_STORE_CONTAINER" --destination-path model-registry --source .store/model-registry --overwrite`,
      };
    case 'aws':
      return {
        pull: ['aws s3 sync "$MODEL_STORE_URI/model-registry" .store/model-registry', 'aws s3 cp "$MODEL_STORE_URI/data/train.csv" .store/data/train.csv'],
        pushRegistry: 'aws s3 sync .store/model-registry "$MODEL_STORE_URI/model-registry"',
      };
    case 'gcp':
      return {
        pull: [
          'gcloud storage rsync --recursive "$MODEL_STORE_URI/model-registry" .store/model-registry',
          'gcloud storage cp "$MODEL_STORE_URI/data/train.csv" .store/data/train.csv',
        ],
        pushRegistry: 'gcloud storage rsync --recursive .store/model-registry "$MODEL_STORE_URI/model-registry"',
      };
  }
}

/** Downloads the finished job's runs folder (with `latest.json`) into `job-output/`. */
function fetchRun(cloud: Exclude<Cloud, 'kubernetes'>, region: string | undefined): string[] {
  switch (cloud) {
    case 'azure':
      return [
        `az ml job download --name "$RUN_ID" --output-name runs --download-path .job ${AZ_ML}`,
        'mv .job/named-outputs/runs job-output',
      ];
    case 'aws':
      // SageMaker packs /opt/ml/model (the job's RUNS_DIR) into model.tar.gz.
      return [
        'artifact=$(aws sagemaker describe-training-job --training-job-name "$RUN_ID" --query ModelArtifacts.S3ModelArtifacts --output text)',
        'aws s3 cp "$artifact" model.tar.gz',
        'mkdir -p job-output && tar -xzf model.tar.gz -C job-output',
      ];
    case 'gcp':
      // Vertex AI hands the job AIP_MODEL_DIR = <baseOutputDirectory>/model, the job's RUNS_DIR.
      return [
        `job=$(gcloud ai custom-jobs list --region=${region} --filter="displayName=$RUN_ID" --format='value(name)' --limit=1)`,
        `output=$(gcloud ai custom-jobs describe "$job" --region=${region} --format='value(jobSpec.baseOutputDirectory.outputUriPrefix)')`,
        'mkdir -p job-output && gcloud storage rsync --recursive "$output/model" job-output',
      ];
  }
}

/**
 * The champion/challenger gate on the run `$RUN_ID` produced. `python -m <pkg> evaluate` decides: its exit
 * code is the step's, so 0 (promoted) lets the deployment continue and anything else stops it.
 */
export function gateRun(cloud: Cloud, region: string | undefined, packageName: string): string[] {
  if (cloud === 'kubernetes') return gateInCluster(packageName);
  const { pull, pushRegistry } = store(cloud);
  return [
    ...fetchRun(cloud, region),
    'mkdir -p .store/model-registry .store/data',
    ...pull,
    'run_id=$(python -c \'import json; print(json.load(open("job-output/latest.json"))["run_id"])\')',
    'set +e',
    `python -m ${packageName} evaluate --run-dir "job-output/$run_id" --data .store/data/train.csv --registry-dir .store/model-registry`,
    'verdict=$?',
    'set -e',
    // Only a promoted challenger changes the registry.
    `if [ "$verdict" -eq 0 ]; then ${pushRegistry}; fi`,
    'exit "$verdict"',
  ];
}

/**
 * On Kubernetes the run, the registry and the data live on the training Job's volumes, so the gate runs as
 * a pod built from the Job's own pod template with the command swapped for `evaluate`; its exit code is the gate's.
 */
function gateInCluster(packageName: string): string[] {
  const spec = TRAINING_JOB_SPEC.kubernetes;
  const podFromJob =
    '{apiVersion: "v1", kind: "Pod", metadata: {name: $pod}, spec: (.spec.template.spec | .restartPolicy = "Never" | ' +
    '.containers = [.containers[0] | .command = ["python", "-m", $pkg, "evaluate"] | del(.args)])}';
  return [
    'pod="gate-$RUN_ID"',
    `kubectl get --filename ${spec} --output json | jq --arg pod "$pod" --arg pkg ${packageName} '${podFromJob}' | kubectl create --filename -`,
    'until phase=$(kubectl get pod "$pod" --output jsonpath=\'{.status.phase}\') && [[ "$phase" =~ ^(Succeeded|Failed)$ ]]; do sleep 10; done',
    'kubectl logs "pod/$pod"',
    'verdict=$(kubectl get pod "$pod" --output jsonpath=\'{.status.containerStatuses[0].state.terminated.exitCode}\')',
    'kubectl delete pod "$pod" --wait=false',
    'exit "$verdict"',
  ];
}
