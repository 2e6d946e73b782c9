/**
 * Reaching AWS from CI: the job's OIDC token exchanged for the pipeline role (AssumeRoleWithWebIdentity),
 * the AWS CLI, and the training, gating and deployment the pipelines run on SageMaker.
 */
import type { CloudCi } from '../adapter.js';
import { objectStoreGate, objectStoreRelease } from '../../cicd/gate.js';
import { uses } from '../../cicd/pins.js';
import { releasedVersion } from '../../cicd/release.js';
import { ROLLOUT } from '../../cicd/rollout.js';
import { substituteSpec } from '../../cicd/substitute.js';
import type { ProjectDeclaration } from '../../declaration/project.js';
import { resourcePrefix } from '../../rbac/capabilities.js';
import { imageRepository, metricsPushEnvironment, modelImage, modelName, servesOnline } from '../../workloads/runtime.js';
import { relativeTo } from '../../workloads/contract.js';
import { awsContract, SAGEMAKER_MODEL_DIR } from './contract.js';
import { awsWorkloads } from './workloads/index.js';
import { releasedModelPrefix } from './workloads/processing.js';

// The AWS CLI and SDKs assume the role from these variables by themselves (AssumeRoleWithWebIdentity).
const login: CloudCi['login'] = (tokenVar, region) => [
  'oidc_dir=$(mktemp -d)',
  `printf '%s' "$${tokenVar}" > "$oidc_dir/token"`,
  'export AWS_WEB_IDENTITY_TOKEN_FILE="$oidc_dir/token"',
  'export AWS_ROLE_SESSION_NAME="ci-$RUN_ID"',
  `export AWS_REGION=${region} AWS_DEFAULT_REGION=${region}`,
];

/**
 * A SageMaker resource of this run in `env`: `<project>-<env>-<purpose>-<run number>`, inside the
 * `<project>-<env>-*` names the pipeline role may create (rbac.ts); the run number ends `$RUN_ID`.
 */
const runResource = (project: ProjectDeclaration, env: string, purpose: string): string => `"${resourcePrefix(project, env)}-${purpose}-\${RUN_ID##*-}"`;

/** `SAGEMAKER_MODEL_NAME`: the SageMaker model of this run's release in `env` (models are immutable, so one per rollout). */
const modelNameOf = (project: ProjectDeclaration, env: string): string => `export SAGEMAKER_MODEL_NAME=${runResource(project, env, 'model')}`;

/** The endpoint (and the model package group) of the environment, `<project>-<env>`. */
const endpointName = (project: ProjectDeclaration, env: string): string => resourcePrefix(project, env);

/**
 * SageMaker's own blue/green update: a new fleet takes the canary share, then all traffic once the wait
 * is over, and the old fleet is terminated (the timeout must exceed both waits, and be at least 600).
 */
const CANARY_DEPLOYMENT = JSON.stringify({
  BlueGreenUpdatePolicy: {
    TrafficRoutingConfiguration: { Type: 'CANARY', CanarySize: { Type: 'CAPACITY_PERCENT', Value: ROLLOUT.canaryPercent }, WaitIntervalInSeconds: ROLLOUT.canarySeconds },
    TerminationWaitInSeconds: 300,
    MaximumExecutionTimeoutInSeconds: ROLLOUT.canarySeconds + 3600,
  },
});

/**
 * The release as a versioned model package of the group `<project>`, approved (the gate and the
 * environment's approval are its review), and for an endpoint the SageMaker model made from that package.
 */
function registerModel(project: ProjectDeclaration, env: string): string[] {
  const group = endpointName(project, env);
  const image = `$IMAGE_REGISTRY/${imageRepository(project, modelImage(project))}:$IMAGE_TAG`;
  // A managed endpoint exposes no /metrics to Prometheus: the service pushes them.
  const environment = Object.keys(metricsPushEnvironment(project)).map((name) => `"${name}":"$${name}"`).join(',');
  const inference = `{"Containers":[{"Image":"${image}","ModelDataUrl":"$model_data","Environment":{${environment}}}],"SupportedContentTypes":["application/json","text/csv"],"SupportedResponseMIMETypes":["application/json","text/csv"]}`;
  const steps = [
    // SageMaker unpacks model.tar.gz into /opt/ml/model: the model folder's files at its root.
    'tar -czf model.tar.gz -C "$MODEL_DIR" .',
    `model_data="s3://$ARTIFACT_BUCKET/${project.name}/models/$RUN_ID/model.tar.gz"`,
    'aws s3 cp model.tar.gz "$model_data"',
    // Batch scoring (a processing job) reads the folder itself.
    `aws s3 sync "$MODEL_DIR" "${releasedModelPrefix(project)}"`,
    `aws sagemaker describe-model-package-group --model-package-group-name ${group} >/dev/null 2>&1 || aws sagemaker create-model-package-group --model-package-group-name ${group} --model-package-group-description "Champions of ${project.name} in ${env}"`,
    `package=$(aws sagemaker create-model-package --model-package-group-name ${group} --model-approval-status Approved ` +
      `--model-package-description "Champion promoted by the gate of $RUN_ID, released to ${env}" --customer-metadata-properties "model_version=$MODEL_VERSION,run_id=$RUN_ID" ` +
      `--inference-specification "${inference.replace(/"/g, '\\"')}" --query ModelPackageArn --output text)`,
    // The endpoint serves a model made from the package.
    ...(servesOnline(project) ? ['aws sagemaker create-model --model-name "$SAGEMAKER_MODEL_NAME" --execution-role-arn "$SAGEMAKER_ROLE_ARN" --primary-container "ModelPackageName=$package"'] : []),
  ];
  return [
    ...releasedVersion(modelName(project)),
    modelNameOf(project, env),
    // A re-run of the deployment finds the model it registered.
    'if aws sagemaker describe-model --model-name "$SAGEMAKER_MODEL_NAME" >/dev/null 2>&1; then echo "model $SAGEMAKER_MODEL_NAME is registered already"; else',
    ...steps.map((line) => `  ${line}`),
    'fi',
  ];
}

export const awsCi: CloudCi = {
  variables: ['AWS_ROLE_ARN', 'MODEL_STORE_URI'],
  // The registry host is the first part of IMAGE_REGISTRY (<account>.dkr.ecr.<region>.amazonaws.com).
  registryLogin: (region) => [`aws ecr get-login-password --region ${region} | docker login --username AWS --password-stdin "\${IMAGE_REGISTRY%%/*}"`],
  oidcAudience: 'sts.amazonaws.com',
  login,
  terraformAuth: () => [], // the CLI login already set the environment the provider reads
  deployer: {
    variables: ['AWS_DEPLOY_ROLE_ARN'],
    auth: (tokenVar) => [
      'deploy_dir=$(mktemp -d)',
      `printf '%s' "$${tokenVar}" > "$deploy_dir/token"`,
      // Keys of the job's own login would win over the web identity.
      'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE',
      'export AWS_ROLE_ARN="$AWS_DEPLOY_ROLE_ARN" AWS_WEB_IDENTITY_TOKEN_FILE="$deploy_dir/token" AWS_ROLE_SESSION_NAME="deploy-$RUN_ID"',
    ],
  },
  installCli: () => ['python -m pip install --quiet awscli'],
  githubLogin: (region) => [{ name: 'Log in to AWS (OIDC)', uses: uses('aws-actions/configure-aws-credentials'), with: { 'role-to-assume': '${{ vars.AWS_ROLE_ARN }}', 'aws-region': region } }],
  azurePipelines: { login, setup: [] },
  submitTraining: (project) => [
    ...substituteSpec(project, awsWorkloads.training, awsWorkloads.variables),
    // Arguments given next to --cli-input-json override the file, so each run gets its own name.
    `aws sagemaker create-training-job --cli-input-json file://${awsWorkloads.training.path} --training-job-name "$RUN_ID"`,
    'aws sagemaker wait training-job-completed-or-stopped --training-job-name "$RUN_ID"',
    'status=$(aws sagemaker describe-training-job --training-job-name "$RUN_ID" --query TrainingJobStatus --output text)',
    'echo "SageMaker training job $RUN_ID: $status"',
    'test "$status" = Completed',
  ],
  gate: (project) =>
    objectStoreGate(
      {
        // SageMaker packs /opt/ml/model, which holds the job's runs folder, into model.tar.gz.
        fetchRun: [
          'artifact=$(aws sagemaker describe-training-job --training-job-name "$RUN_ID" --query ModelArtifacts.S3ModelArtifacts --output text)',
          'aws s3 cp "$artifact" model.tar.gz',
          'mkdir -p job-output && tar -xzf model.tar.gz -C job-output',
        ],
        runs: `job-output/${relativeTo(SAGEMAKER_MODEL_DIR, awsContract.training.runsDir(project))}`,
        pull: ['aws s3 sync "$MODEL_STORE_URI/model-registry" .store/model-registry', 'aws s3 cp "$MODEL_STORE_URI/data/train.csv" .store/data/train.csv'],
        pushRegistry: 'aws s3 sync .store/model-registry "$MODEL_STORE_URI/model-registry"',
      },
      project.packageName,
    ),
  exportRelease: (project) => objectStoreRelease(project),
  registerModel: (project, _region, env) => registerModel(project, env),
  deployOnline: (project, _region, env) => {
    const endpoint = endpointName(project, env);
    return [
      modelNameOf(project, env),
      ...substituteSpec(project, awsWorkloads.online, awsWorkloads.variables),
      `config=${runResource(project, env, 'config')}`,
      `aws sagemaker create-endpoint-config --cli-input-json file://${awsWorkloads.online.path} --endpoint-config-name "$config"`,
      `if aws sagemaker describe-endpoint --endpoint-name ${endpoint} >/dev/null 2>&1; then`,
      `  aws sagemaker update-endpoint --endpoint-name ${endpoint} --endpoint-config-name "$config" --deployment-config '${CANARY_DEPLOYMENT}'`,
      'else',
      `  aws sagemaker create-endpoint --endpoint-name ${endpoint} --endpoint-config-name "$config"`,
      'fi',
      `aws sagemaker wait endpoint-in-service --endpoint-name ${endpoint}`,
      `test "$(aws sagemaker describe-endpoint --endpoint-name ${endpoint} --query EndpointConfigName --output text)" = "$config"`,
    ];
  },
  deployBatch: (project, _region, env) => [
    ...substituteSpec(project, awsWorkloads.batch, awsWorkloads.variables),
    `aws sagemaker create-processing-job --cli-input-json file://${awsWorkloads.batch.path} --processing-job-name ${runResource(project, env, 'batch')}`,
  ],
};
