/**
 * Cloud login from a short-lived OIDC token the CI system issued for this job: no stored keys anywhere.
 * The cloud trusts the CI system's issuer (workload identity federation) and hands back a short-lived identity.
 */
import type { Cloud } from '../declaration/common.js';

/** OIDC audience each cloud's federation expects (`$VAR` is expanded by the CI system or the shell). */
export const OIDC_AUDIENCE: Record<Cloud, string> = {
  azure: 'api://AzureADTokenExchange',
  aws: 'sts.amazonaws.com',
  gcp: 'https://iam.googleapis.com/$GCP_WORKLOAD_IDENTITY_PROVIDER',
  kubernetes: '$K8S_OIDC_AUDIENCE',
};

/**
 * Shell lines that log the cloud CLI in with the OIDC token in environment variable `tokenVar`.
 * @example federatedLogin('aws', 'CLOUD_ID_TOKEN', 'eu-west-1')
 */
export function federatedLogin(cloud: Cloud, tokenVar: string, region: string | undefined): string[] {
  const token = `"$${tokenVar}"`;
  switch (cloud) {
    case 'azure':
      return [
        `az login --service-principal --username "$AZURE_CLIENT_ID" --tenant "$AZURE_TENANT_ID" --federated-token ${token} --output none`,
        'az account set --subscription "$AZURE_SUBSCRIPTION_ID"',
      ];
    case 'aws':
      // The AWS CLI and SDKs assume the role from these variables by themselves (AssumeRoleWithWebIdentity).
      return [
        'oidc_dir=$(mktemp -d)',
        `printf '%s' ${token} > "$oidc_dir/token"`,
        'export AWS_WEB_IDENTITY_TOKEN_FILE="$oidc_dir/token"',
        'export AWS_ROLE_SESSION_NAME="ci-$RUN_ID"',
        `export AWS_REGION=${region} AWS_DEFAULT_REGION=${region}`,
      ];
    case 'gcp':
      return [
        'oidc_dir=$(mktemp -d)',
        `printf '%s' ${token} > "$oidc_dir/token"`,
        'gcloud iam workload-identity-pools create-cred-config "$GCP_WORKLOAD_IDENTITY_PROVIDER" --service-account="$GCP_SERVICE_ACCOUNT" ' +
          '--credential-source-file="$oidc_dir/token" --output-file="$oidc_dir/credentials.json"',
        'gcloud auth login --cred-file="$oidc_dir/credentials.json" --quiet',
        'gcloud config set project "$GCP_PROJECT"',
        'export GOOGLE_APPLICATION_CREDENTIALS="$oidc_dir/credentials.json"',
      ];
    case 'kubernetes':
      // The API server validates the token against the CI issuer (OIDC authentication configured on the cluster).
      return [
        'oidc_dir=$(mktemp -d)',
        'printf \'%s\' "$K8S_CA_DATA" | base64 --decode > "$oidc_dir/ca.crt"',
        'kubectl config set-cluster ci --server="$K8S_SERVER" --certificate-authority="$oidc_dir/ca.crt" --embed-certs=true',
        `kubectl config set-credentials ci --token=${token}`,
        'kubectl config set-context ci --cluster=ci --user=ci --namespace="$K8S_NAMESPACE"',
        'kubectl config use-context ci',
      ];
  }
}

/**
 * Shell lines that hand the same federated identity to Terraform's provider, after {@link federatedLogin}
 * (or the CI system's own login). `tokenVar` is unset when the provider can fetch the token itself.
 */
export function terraformAuth(cloud: Cloud, tokenVar: string | undefined): string[] {
  switch (cloud) {
    case 'azure':
      return [
        'export ARM_USE_OIDC=true ARM_CLIENT_ID="$AZURE_CLIENT_ID" ARM_TENANT_ID="$AZURE_TENANT_ID" ARM_SUBSCRIPTION_ID="$AZURE_SUBSCRIPTION_ID"',
        ...(tokenVar ? [`export ARM_OIDC_TOKEN="$${tokenVar}"`] : []),
      ];
    case 'kubernetes':
      return ['export KUBE_CONFIG_PATH="$HOME/.kube/config"'];
    case 'aws':
    case 'gcp':
      return []; // the CLI login above already set the environment the providers read
  }
}
