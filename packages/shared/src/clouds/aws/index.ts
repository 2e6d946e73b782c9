/** The AWS adapter: SageMaker training jobs, endpoints and batch processing jobs; IAM policies; EC2 / SageMaker instance types. */
import type { CloudAdapter } from '../adapter.js';
import { awsContract } from './contract.js';
import { awsCi } from './ci.js';
import { AWS_GPUS } from './gpus.js';
import { AWS_MACHINES } from './machines.js';
import { awsRbac } from './rbac.js';
import { awsTerraform } from './terraform.js';
import { awsWorkloads } from './workloads/index.js';

export const aws = {
  id: 'aws',
  ci: awsCi,
  workloads: awsWorkloads,
  contract: awsContract,
  terraform: awsTerraform,
  rbac: awsRbac,
  machines: AWS_MACHINES,
  gpus: AWS_GPUS,
  serviceMetrics: 'push',
} satisfies CloudAdapter;
