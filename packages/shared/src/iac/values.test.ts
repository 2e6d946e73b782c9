import { describe, expect, it } from 'vitest';
import { cpu, accelerator } from '../declaration/compute.js';
import { environment } from '../declaration/environment.js';
import { defineMlProject, type ProjectOptions } from '../declaration/project.js';
import { serving } from '../declaration/serving.js';
import { resourceTags } from './tags.js';
import { terraformVariables } from './values.js';

const base: ProjectOptions = {
  name: 'churn-model',
  description: 'Predicts churn',
  team: 'growth',
  cloud: 'azure',
  cicd: 'github-actions',
  framework: 'sklearn',
  environments: [environment('dev'), environment('prod', { monthlyBudget: 1500 })],
  serving: serving({ mode: 'online' }),
};
const varsOf = (options: Partial<ProjectOptions>, env = 0) => {
  const project = defineMlProject({ ...base, ...options });
  return terraformVariables(project, project.environments[env]!);
};

describe('terraformVariables', () => {
  it('sets the shared values of an environment', () => {
    expect(varsOf({}, 1)).toMatchObject({
      project: 'churn-model',
      environment: 'prod',
      region: 'westeurope',
      team: 'growth',
      tags: { project: 'churn-model', team: 'growth', environment: 'prod', 'managed-by': 'ai-factory' },
      monthly_budget: 1500,
      budget_alert_thresholds: [50, 80, 100],
    });
  });

  it('sizes the Azure training cluster from the CPU profile or the GPU catalog', () => {
    expect(varsOf({})).toMatchObject({ resource_group_name: 'rg-churn-model-dev', training_vm_size: 'Standard_D4s_v5', training_max_nodes: 1 });
    expect(varsOf({ framework: 'pytorch', training: accelerator('a100-80gb', { count: 4, nodes: 2 }) })).toMatchObject({
      training_vm_size: 'Standard_NC96ads_A100_v4',
      training_max_nodes: 2,
    });
  });

  it('gives AWS a SageMaker instance type with its vCPUs and the autoscaling range', () => {
    expect(varsOf({ cloud: 'aws', serving: serving({ mode: 'both', replicas: { min: 1, max: 6 }, targetCpuUtilization: 60 }) })).toMatchObject({
      region: 'eu-west-1',
      online_endpoint_enabled: true,
      serving_instance_type: 'ml.m5.large',
      serving_instance_vcpus: 2,
      serving_min_replicas: 1,
      serving_max_replicas: 6,
      serving_target_cpu_utilization: 60,
    });
    const gpuServing = serving({ mode: 'online', compute: accelerator('a10') });
    expect(varsOf({ cloud: 'aws', framework: 'pytorch', serving: gpuServing })).toMatchObject({ serving_instance_type: 'ml.g5.2xlarge', serving_instance_vcpus: 8 });
  });

  it('turns the endpoint off for batch-only projects', () => {
    expect(varsOf({ cloud: 'gcp', serving: serving({ mode: 'batch' }) })).toMatchObject({ online_endpoint_enabled: false });
  });

  it('sizes the Kubernetes quota from the pods\' limits: training, serving at max replicas plus a surge, batch and the volume pod', () => {
    const vars = varsOf({
      cloud: 'kubernetes',
      framework: 'pytorch',
      training: accelerator('t4', { count: 2, nodes: 3 }),
      serving: serving({ mode: 'both', replicas: { min: 1, max: 3 }, compute: cpu({ vcpus: 2, memoryGi: 4 }) }),
    });
    // training: 3 nodes × (2 cores, 8 GiB, 2 GPUs); serving: (3 + 1) × (2, 4); batch: 1 × (2, 4);
    // the volume pod (0.1 core, 0.125 GiB) rounds the sums up to whole cores and GiB.
    expect(vars).toMatchObject({ namespace: 'churn-model-dev', quota_cpu: 6 + 8 + 2 + 1, quota_memory_gi: 24 + 16 + 4 + 1, quota_gpus: 6 });
    expect(vars).not.toHaveProperty('region');
  });
});

describe('resourceTags', () => {
  it('rewrites a free-text team into each cloud tag syntax', () => {
    const tagsOf = (cloud: ProjectOptions['cloud']) => {
      const project = defineMlProject({ ...base, cloud, team: 'Growth & Retention!' });
      return resourceTags(project, project.environments[0]!).team;
    };
    expect(tagsOf('azure')).toBe('Growth & Retention!');
    expect(tagsOf('aws')).toBe('Growth - Retention-');
    expect(tagsOf('gcp')).toBe('growth-retention-');
    expect(tagsOf('kubernetes')).toBe('growth-retention');
  });
});

describe('budget values', () => {
  it('are set on clouds that bill and left to the quota on Kubernetes', () => {
    expect(varsOf({ cloud: 'gcp' })).toMatchObject({ monthly_budget: 200, budget_alert_thresholds: [50, 80, 100] });
    expect(varsOf({ cloud: 'kubernetes' })).not.toHaveProperty('monthly_budget');
  });
});
