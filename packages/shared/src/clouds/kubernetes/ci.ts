/**
 * Reaching a Kubernetes cluster from CI: the API server validates the job's OIDC token against the CI
 * issuer (OIDC authentication configured on the cluster); kubectl, and the training Job, gate pod and
 * rollouts the pipelines run in the cluster.
 */
import type { CloudCi } from '../adapter.js';
import { exportChampion, REGISTRY_DIR } from '../../cicd/release.js';
import { substituteSpec } from '../../cicd/substitute.js';
import { installJq } from '../../cicd/toolchains.js';
import type { ProjectDeclaration } from '../../declaration/project.js';
import { modelName } from '../../workloads/runtime.js';
import { kubernetesWorkloads } from './workloads/index.js';
import { KUBERNETES_WORKLOAD_VARIABLES } from './workloads/metadata.js';
import { DATA_PATHS } from './workloads/storage.js';
import { volumePod, volumePodName } from './workloads/volume-pod.js';

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
function gateInCluster(project: ProjectDeclaration): string[] {
  const spec = kubernetesWorkloads.training.path;
  // The file holds the data claim and the Job (or the PyTorchJob, whose Master carries the volume).
  const podFromJob =
    '(.items // [.]) | map(select(.kind == "Job" or .kind == "PyTorchJob"))[0] | ' +
    '{apiVersion: "v1", kind: "Pod", metadata: {name: $pod}, spec: ((.spec.template.spec // .spec.pytorchReplicaSpecs.Master.template.spec) | .restartPolicy = "Never" | ' +
    '.containers = [.containers[0] | .command = ["python", "-m", $pkg, "evaluate"] | del(.args)])}';
  return [
    // The checkout's spec still holds placeholders: fill them to find this run's Job.
    ...substituteSpec(project, kubernetesWorkloads.training, KUBERNETES_WORKLOAD_VARIABLES),
    'pod="gate-$RUN_ID"',
    `kubectl get --filename ${spec} --output json | jq --arg pod "$pod" --arg pkg ${project.packageName} '${podFromJob}' | kubectl create --filename -`,
    'until phase=$(kubectl get pod "$pod" --output jsonpath=\'{.status.phase}\') && [[ "$phase" =~ ^(Succeeded|Failed)$ ]]; do sleep 10; done',
    'kubectl logs "pod/$pod"',
    'verdict=$(kubectl get pod "$pod" --output jsonpath=\'{.status.containerStatuses[0].state.terminated.exitCode}\')',
    'kubectl delete pod "$pod" --wait=false',
    'exit "$verdict"',
  ];
}

/**
 * Shell lines that start this run's volume pod for `purpose` in the current namespace, run `copy` (lines
 * using `$pod`) once it is ready, and delete it.
 */
function withVolumePod(project: ProjectDeclaration, purpose: string, copy: string[]): string[] {
  const manifest = JSON.stringify(volumePod(project, purpose));
  const name = volumePodName(project, purpose).replace(/\$\{RUN_ID\}/, '$RUN_ID');
  return [
    `pod="${name}"`,
    `printf '%s' '${manifest}' | envsubst '\${IMAGE_REGISTRY} \${IMAGE_TAG} \${RUN_ID}' | kubectl create --filename -`,
    'kubectl wait "pod/$pod" --for=condition=Ready --timeout=10m',
    ...copy,
    'kubectl delete pod "$pod" --wait=false',
  ];
}

export const kubernetesCi: CloudCi = {
  variables: ['K8S_SERVER', 'K8S_CA_DATA', 'K8S_NAMESPACE', 'K8S_OIDC_AUDIENCE'],
  // A cluster has no registry of its own: the CI system's registry, with the job's own token.
  registryLogin: undefined,
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
  submitTraining: (project) => {
    const spec = kubernetesWorkloads.training.path;
    return [
      ...substituteSpec(project, kubernetesWorkloads.training, KUBERNETES_WORKLOAD_VARIABLES),
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
  gate: (project) => gateInCluster(project),
  // The gate kept the registry on the training namespace's data volume.
  exportRelease: (project) => {
    const model = modelName(project);
    return withVolumePod(project, 'release', [
      `mkdir -p .store/${REGISTRY_DIR}`,
      `kubectl cp "$pod:${DATA_PATHS.registry}/${model}" .store/${REGISTRY_DIR}/${model}`,
      ...exportChampion(`.store/${REGISTRY_DIR}`, model),
    ]);
  },
  // No registry on a cluster: the serve image carries the release, batch scoring reads it from the volume.
  registerModel: () => [],
  deployOnline: (project) => {
    const spec = kubernetesWorkloads.online.path;
    return [
      ...substituteSpec(project, kubernetesWorkloads.online, KUBERNETES_WORKLOAD_VARIABLES),
      `kubectl apply --filename ${spec}`,
      // The rolling update moves traffic one pod at a time; a rollout that does not finish is undone.
      `for deployment in $(kubectl get --filename ${spec} --output name | grep '^deployment'); do`,
      '  if ! kubectl rollout status "$deployment" --timeout=15m; then',
      '    kubectl rollout undo "$deployment"',
      '    echo "$deployment did not roll out; rolled back" >&2; exit 1',
      '  fi',
      'done',
    ];
  },
  deployBatch: (project) => {
    const model = modelName(project);
    return [
      ...substituteSpec(project, kubernetesWorkloads.batch, KUBERNETES_WORKLOAD_VARIABLES),
      `kubectl apply --filename ${kubernetesWorkloads.batch.path}`,
      // Batch scoring reads the champion from this namespace's data volume.
      ...withVolumePod(project, 'release', [
        `kubectl exec "$pod" -- mkdir -p ${DATA_PATHS.registry}`,
        `kubectl cp ${REGISTRY_DIR}/${model} "$pod:${DATA_PATHS.registry}/${model}"`,
      ]),
    ];
  },
};
