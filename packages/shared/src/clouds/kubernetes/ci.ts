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
import { KUBERNETES_WORKLOAD_VARIABLES, RUN_ANNOTATION } from './workloads/metadata.js';
import { DATA_PATHS } from './workloads/storage.js';
import { trainingKind } from './workloads/training.js';
import { volumePod } from './workloads/volume-pod.js';

const OIDC_AUDIENCE = '$K8S_OIDC_AUDIENCE';

const login: CloudCi['login'] = (tokenVar) => [
  'oidc_dir=$(mktemp -d)',
  'printf \'%s\' "$K8S_CA_DATA" | base64 --decode > "$oidc_dir/ca.crt"',
  'kubectl config set-cluster ci --server="$K8S_SERVER" --certificate-authority="$oidc_dir/ca.crt" --embed-certs=true',
  `kubectl config set-credentials ci --token="$${tokenVar}"`,
  'kubectl config set-context ci --cluster=ci --user=ci --namespace="$K8S_NAMESPACE"',
  'kubectl config use-context ci',
];

/** Selects the objects of one component in the pipeline's `kubectl --selector`. */
const component = (name: string) => `app.kubernetes.io/component=${name}`;

/**
 * The run, the registry and the data live on the training Job's volumes, so the gate runs as a pod built
 * from this run's Job (found by its run annotation) with the command swapped for `evaluate`; its exit
 * code is the gate's.
 */
function gateInCluster(project: ProjectDeclaration): string[] {
  const kind = trainingKind(project);
  const podFromJob =
    `[.items[] | select(.metadata.annotations["${RUN_ANNOTATION}"] == $run)][0] | ` +
    '{apiVersion: "v1", kind: "Pod", metadata: {generateName: $prefix, labels: .metadata.labels}, spec: ((.spec.template.spec // .spec.pytorchReplicaSpecs.Master.template.spec) | .restartPolicy = "Never" | ' +
    '.containers = [.containers[0] | .command = ["python", "-m", $pkg, "evaluate"] | del(.args)])}';
  return [
    `pod=$(kubectl get ${kind.resource} --selector ${component('training')} --output json | jq --arg run "$RUN_ID" --arg prefix ${project.name}-gate- --arg pkg ${project.packageName} '${podFromJob}' | kubectl create --filename - --output name)`,
    'until phase=$(kubectl get "$pod" --output jsonpath=\'{.status.phase}\') && [[ "$phase" =~ ^(Succeeded|Failed)$ ]]; do sleep 10; done',
    'kubectl logs "$pod"',
    'verdict=$(kubectl get "$pod" --output jsonpath=\'{.status.containerStatuses[0].state.terminated.exitCode}\')',
    'kubectl delete "$pod" --wait=false',
    'exit "$verdict"',
  ];
}

/**
 * Shell lines that start this run's volume pod for `purpose` in the current namespace, run `copy` (lines
 * using `$pod`) once it is ready, and delete it.
 */
function withVolumePod(project: ProjectDeclaration, purpose: string, copy: string[]): string[] {
  const manifest = JSON.stringify(volumePod(project, purpose));
  return [
    // The API server names the pod (generateName); `kubectl cp` and `exec` take the bare name.
    `pod=$(printf '%s' '${manifest}' | envsubst '\${IMAGE_REGISTRY} \${IMAGE_TAG} \${RUN_ID}' | kubectl create --filename - --output name)`,
    'pod="${pod#pod/}"',
    'kubectl wait "pod/$pod" --for=condition=Ready --timeout=10m',
    ...copy,
    'kubectl delete pod "$pod" --wait=false',
  ];
}

export const kubernetesCi: CloudCi = {
  // K8S_PIPELINE_USER: the user the cluster's OIDC authenticator reports for this CI's token (its claim
  // mapping and prefix), which rbac.tf binds the pipeline Role to.
  variables: ['K8S_SERVER', 'K8S_CA_DATA', 'K8S_NAMESPACE', 'K8S_OIDC_AUDIENCE', 'K8S_PIPELINE_USER'],
  // A cluster has no registry of its own: the CI system's registry, with the job's own token.
  registryLogin: undefined,
  oidcAudience: OIDC_AUDIENCE,
  login,
  terraformAuth: () => ['export KUBE_CONFIG_PATH="$HOME/.kube/config"', 'export TF_VAR_pipeline_user="$K8S_PIPELINE_USER"'],
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
    const kind = trainingKind(project);
    return [
      ...substituteSpec(project, kubernetesWorkloads.training, KUBERNETES_WORKLOAD_VARIABLES),
      // The data claim outlives every run (it holds the registry); each run creates a Job of its own name.
      `kubectl apply --filename ${spec} --selector ${component('data')}`,
      `job=$(kubectl create --filename ${spec} --selector ${component('training')} --output name)`,
      // --timeout=0 checks once; success and failure are separate conditions.
      `until kubectl wait "$job" --for=condition=${kind.succeeded} --timeout=0 >/dev/null 2>&1; do`,
      `  if kubectl wait "$job" --for=condition=${kind.failed} --timeout=0 >/dev/null 2>&1; then`,
      `    kubectl logs --selector "${kind.podLabel}=\${job#*/}" --tail=200 || true`,
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
