/** AWS's part of an environment's tfvars: the SageMaker endpoint, its instance type and its autoscaling range. */
import type { CloudTerraform } from '../adapter.js';
import type { Environment } from '../../declaration/environment.js';
import type { ProjectDeclaration } from '../../declaration/project.js';
import { resolveGpu } from '../../gpu/catalog.js';
import { ciIdentityNames } from '../../iac/ci-identities.js';
import { smallestMachine } from '../../iac/machine-types.js';
import { servesOnline } from '../../workloads/runtime.js';
import { AWS_MACHINES, awsVcpus } from './machines.js';

/** SageMaker instance type (`ml.` prefixed) of one serving replica, with its vCPU count. */
function servingInstance(project: ProjectDeclaration): { instanceType: string; vcpus: number } {
  const compute = project.serving.compute;
  const instanceType =
    compute.kind === 'cpu'
      ? smallestMachine('aws', AWS_MACHINES.terraformCpuSizes, compute.vcpus, compute.memoryGi)
      : `ml.${resolveGpu(compute.sku, compute.count, 'aws').machineType!}`;
  return { instanceType, vcpus: awsVcpus(instanceType) };
}

/** AWS tag values: letters, digits, spaces and `_ . : / = + - @`, at most 256. */
/** IAM role names: at most 64 characters. */
const identities = (project: ProjectDeclaration, environment: Environment) => ciIdentityNames(project, environment, { after: '-ci', maxLength: 64 });

const awsTag = (value: string): string => value.replace(/[^\p{L}\p{N}\s_.:/=+\-@]+/gu, '-').slice(0, 256);

export const awsTerraform: CloudTerraform = {
  backend: {
    type: 's3',
    variables: ['TF_STATE_BUCKET', 'TF_STATE_LOCK_TABLE'],
    config: (project, environment) => ({
      bucket: '$TF_STATE_BUCKET',
      key: `${project.name}/${environment.name}.tfstate`,
      region: (environment.region ?? project.region)!,
      dynamodb_table: '$TF_STATE_LOCK_TABLE',
      encrypt: 'true',
    }),
  },
  ciVariables: {},
  bootstrapValues: (project, environment) => {
    const names = identities(project, environment);
    return { pipeline_identity_name: names.pipeline, deployer_identity_name: names.deployer };
  },
  values: (project, environment) => {
    const instance = servingInstance(project);
    return {
      ci_pipeline_identity: identities(project, environment).pipeline,
      online_endpoint_enabled: servesOnline(project),
      serving_instance_type: instance.instanceType,
      serving_instance_vcpus: instance.vcpus,
      serving_min_replicas: project.serving.replicas.min,
      serving_max_replicas: project.serving.replicas.max,
      serving_target_cpu_utilization: project.serving.targetCpuUtilization,
    };
  },
  tagValue: awsTag,
  billed: true,
};
