/** The Kubernetes adapter: Jobs or PyTorchJobs, Deployments and CronJobs on the cluster; namespace Roles; GPU placement by node label. */
import type { CloudAdapter } from '../adapter.js';
import { kubernetesContract } from './contract.js';
import { kubernetesCi } from './ci.js';
import { KUBERNETES_GPUS } from './gpus.js';
import { kubernetesRbac } from './rbac.js';
import { kubernetesTerraform } from './terraform.js';
import { kubernetesWorkloads } from './workloads/index.js';

export const kubernetes = {
  id: 'kubernetes',
  ci: kubernetesCi,
  workloads: kubernetesWorkloads,
  contract: kubernetesContract,
  terraform: kubernetesTerraform,
  rbac: kubernetesRbac,
  machines: undefined, // the cluster's nodes are not the factory's to choose
  gpus: KUBERNETES_GPUS,
  serviceMetrics: 'scrape',
} satisfies CloudAdapter;
