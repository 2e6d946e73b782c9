/**
 * Reaching AWS from CI: the job's OIDC token exchanged for the pipeline role (AssumeRoleWithWebIdentity),
 * the AWS CLI, and the training, gating and deployment the pipelines run on SageMaker.
 */
import type { CloudCi } from '../adapter.js';
import { uses } from '../../cicd/pins.js';
import { objectStoreGate } from '../../cicd/gate.js';
import { awsWorkloads } from './workloads/index.js';

// The AWS CLI and SDKs assume the role from these variables by themselves (AssumeRoleWithWebIdentity).
const login: CloudCi['login'] = (tokenVar, region) => [
  'oidc_dir=$(mktemp -d)',
  `printf '%s' "$${tokenVar}" > "$oidc_dir/token"`,
  'export AWS_WEB_IDENTITY_TOKEN_FILE="$oidc_dir/token"',
  'export AWS_ROLE_SESSION_NAME="ci-$RUN_ID"',
  `export AWS_REGION=${region} AWS_DEFAULT_REGION=${region}`,
];

export const awsCi: CloudCi = {
  variables: ['AWS_ROLE_ARN', 'MODEL_STORE_URI'],
  oidcAudience: 'sts.amazonaws.com',
  login,
  terraformAuth: () => [], // the CLI login already set the environment the provider reads
  installCli: () => ['python -m pip install --quiet awscli'],
  githubLogin: (region) => [{ name: 'Log in to AWS (OIDC)', uses: uses('aws-actions/configure-aws-credentials'), with: { 'role-to-assume': '${{ vars.AWS_ROLE_ARN }}', 'aws-region': region } }],
  azurePipelines: { login, setup: [] },
  submitTraining: () => [
    // Arguments given next to --cli-input-json override the file, so each run gets its own name.
    `aws sagemaker create-training-job --cli-input-json file://${awsWorkloads.training.path} --training-job-name "$RUN_ID"`,
    'aws sagemaker wait training-job-completed-or-stopped --training-job-name "$RUN_ID"',
    'status=$(aws sagemaker describe-training-job --training-job-name "$RUN_ID" --query TrainingJobStatus --output text)',
    'echo "SageMaker training job $RUN_ID: $status"',
    'test "$status" = Completed',
  ],
  gate: (_region, packageName) =>
    objectStoreGate(
      {
        // SageMaker packs /opt/ml/model (the job's RUNS_DIR) into model.tar.gz.
        fetchRun: [
          'artifact=$(aws sagemaker describe-training-job --training-job-name "$RUN_ID" --query ModelArtifacts.S3ModelArtifacts --output text)',
          'aws s3 cp "$artifact" model.tar.gz',
          'mkdir -p job-output && tar -xzf model.tar.gz -C job-output',
        ],
        pull: ['aws s3 sync "$MODEL_STORE_URI/model-registry" .store/model-registry', 'aws s3 cp "$MODEL_STORE_URI/data/train.csv" .store/data/train.csv'],
        pushRegistry: 'aws s3 sync .store/model-registry "$MODEL_STORE_URI/model-registry"',
      },
      packageName,
    ),
  deployOnline: (_region, project, env) => {
    const endpoint = `${project}-${env}`;
    return [
      'config="$RUN_ID"',
      `aws sagemaker create-endpoint-config --cli-input-json file://${awsWorkloads.online.path} --endpoint-config-name "$config"`,
      `if aws sagemaker describe-endpoint --endpoint-name ${endpoint} >/dev/null 2>&1; then`,
      `  aws sagemaker update-endpoint --endpoint-name ${endpoint} --endpoint-config-name "$config"`,
      'else',
      `  aws sagemaker create-endpoint --endpoint-name ${endpoint} --endpoint-config-name "$config"`,
      'fi',
      `aws sagemaker wait endpoint-in-service --endpoint-name ${endpoint}`,
    ];
  },
  deployBatch: (_region, env) => [`aws sagemaker create-transform-job --cli-input-json file://${awsWorkloads.batch.path} --transform-job-name "$RUN_ID-batch-${env}"`],
};
