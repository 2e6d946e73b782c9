/**
 * What each deployment stage rolls out on the cloud's own engine: the managed online deployment spec and
 * the batch scoring spec. Shell only; the job has logged in before (login.ts).
 */
import type { Cloud } from '../declaration/common.js';
import { BATCH_JOB_SPEC, ONLINE_DEPLOYMENT_SPEC } from '../synth/paths.js';
import { AZ_ML } from './cloud.js';

/** Rolls out the online deployment spec in environment `env`. */
export function deployOnline(cloud: Cloud, region: string | undefined, project: string, env: string): string[] {
  const spec = ONLINE_DEPLOYMENT_SPEC[cloud];
  switch (cloud) {
    case 'azure':
      return [
        'az extension add --name ml --upgrade --yes',
        `az ml online-deployment update --file ${spec} ${AZ_ML} || az ml online-deployment create --file ${spec} --all-traffic ${AZ_ML}`,
      ];
    case 'aws': {
      const endpoint = `${project}-${env}`;
      return [
        'config="$RUN_ID"',
        `aws sagemaker create-endpoint-config --cli-input-json file://${spec} --endpoint-config-name "$config"`,
        `if aws sagemaker describe-endpoint --endpoint-name ${endpoint} >/dev/null 2>&1; then`,
        `  aws sagemaker update-endpoint --endpoint-name ${endpoint} --endpoint-config-name "$config"`,
        'else',
        `  aws sagemaker create-endpoint --endpoint-name ${endpoint} --endpoint-config-name "$config"`,
        'fi',
        `aws sagemaker wait endpoint-in-service --endpoint-name ${endpoint}`,
      ];
    }
    case 'gcp':
      return [
        `endpoint=$(gcloud ai endpoints list --region=${region} --filter="displayName=${project}-${env}" --format='value(name)' --limit=1)`,
        ...vertexPost(spec, region, '$endpoint:deployModel'),
      ];
    case 'kubernetes':
      return [
        `kubectl apply --filename ${spec}`,
        `kubectl get --filename ${spec} --output name | grep '^deployment' | xargs --no-run-if-empty -n1 kubectl rollout status --timeout=15m`,
      ];
  }
}

/** Rolls out the batch scoring spec in environment `env` (a scoring run on the new champion, or the CronJob on Kubernetes). */
export function deployBatch(cloud: Cloud, region: string | undefined, env: string): string[] {
  const spec = BATCH_JOB_SPEC[cloud];
  switch (cloud) {
    case 'azure':
      return ['az extension add --name ml --upgrade --yes', `az ml job create --file ${spec} --name "$RUN_ID-batch-${env}" ${AZ_ML}`];
    case 'aws':
      return [`aws sagemaker create-transform-job --cli-input-json file://${spec} --transform-job-name "$RUN_ID-batch-${env}"`];
    case 'gcp':
      return vertexPost(spec, region, `projects/$GCP_PROJECT/locations/${region}/batchPredictionJobs`);
    case 'kubernetes':
      return [`kubectl apply --filename ${spec}`];
  }
}

/** Vertex AI has no `--config` for these calls: the YAML spec goes to the REST API as JSON. `resource` may hold shell variables. */
function vertexPost(spec: string, region: string | undefined, resource: string): string[] {
  return [
    'python -m pip install --quiet pyyaml',
    `python -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)' ${spec} > request.json`,
    `curl --fail-with-body --silent --show-error --request POST --header "Authorization: Bearer $(gcloud auth print-access-token)" ` +
      `--header 'Content-Type: application/json' --data @request.json "https://${region}-aiplatform.googleapis.com/v1/${resource}"`,
  ];
}
