/**
 * Reaching a Kubernetes cluster from CI: the API server validates the job's OIDC token against the CI
 * issuer (OIDC authentication configured on the cluster); kubectl, and the training Job, gate pod and
 * rollouts the pipelines run in the cluster.
 */
import type { CloudCi } from '../adapter.js';
import { installJq } from '../../cicd/toolchains.js';
import { kubernetesWorkloads } from './workloads/index.js';

const OIDC_AUDIENCE = '$K8S_OIDC_AUDIENCE';

const login: CloudCi['login'] = (tokenVar) => [
  'oidc_dir=$(mktemp -d)',
  'printf \'%s\' "$K8S_CA_DATA" | base64 --decode > "$oidc_dir/ca.crt"',
  'kubectl config set-cluster ci --server="$K8S_SERVER" --certificate-authority="$oidc_dir/ca.crt" --embed-certs=true',
  `kubectl config set-credentials ci --token="$${tokenVar}"`,
  'kubectl config set-context ci --cluster=ci --user=ci --namespace="$K8S_NAMESPACE"',
  'kubectl config use-context ci',
];

/**
 * The run, the registry and the data live on the training Job's volumes, so the gate runs as a pod built
 * from the Job's own pod template with the command swapped for `evaluate`; its exit code is the gate's.
 */
function gateInCluster(packageName: string): string[] {
  const spec = kubernetesWorkloads.training.path;
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

export const kubernetesCi: CloudCi = {
  variables: ['K8S_SERVER', 'K8S_CA_DATA', 'K8S_NAMESPACE', 'K8S_OIDC_AUDIENCE'],
  oidcAudience: OIDC_AUDIENCE,
  login,
  terraformAuth: () => ['export KUBE_CONFIG_PATH="$HOME/.kube/config"'],
  installCli: () => [
    ...installJq(),
    'curl -fsSL https://pkgs.k8s.io/core:/stable:/v1.31/deb/Release.key | $sudo gpg --batch --yes --dearmor -o /usr/share/keyrings/kubernetes-apt-keyring.gpg',
    'echo "deb [signed-by=/usr/share/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.31/deb/ /" | $sudo tee /etc/apt/sources.list.d/kubernetes.list >/dev/null',
    '$sudo apt-get update -qq && $sudo apt-get install -y -qq kubectl',
  ],
  // No official action: the token is requested from the runner for the cluster's audience.
  githubLogin: (region) => [
    {
      name: 'Log in to the cluster (OIDC)',
      run: [
        `OIDC_TOKEN=$(curl --fail --silent --show-error --header "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=${OIDC_AUDIENCE}" | jq -r .value)`,
        'echo "::add-mask::$OIDC_TOKEN"',
        ...login('OIDC_TOKEN', region),
      ].join('\n'),
    },
  ],
  azurePipelines: { login, setup: [] },
  submitTraining: () => {
    const spec = kubernetesWorkloads.training.path;
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
  },
  gate: (_region, packageName) => gateInCluster(packageName),
  deployOnline: () => {
    const spec = kubernetesWorkloads.online.path;
    return [
      `kubectl apply --filename ${spec}`,
      `kubectl get --filename ${spec} --output name | grep '^deployment' | xargs --no-run-if-empty -n1 kubectl rollout status --timeout=15m`,
    ];
  },
  deployBatch: () => [`kubectl apply --filename ${kubernetesWorkloads.batch.path}`],
};
