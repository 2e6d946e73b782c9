/**
 * A project's declaration as builder calls: the form `ai-factory.config.ts` is written in. One model
 * serves both ends: {@link buildProject} evaluates it here, {@link printConfig} writes it as TypeScript,
 * so a generated config always evaluates to the declaration the factory synthesized from.
 */
import type { Access } from '../declaration/access.js';
import type { CpuOptions, GpuOptions } from '../declaration/compute.js';
import { cpu, gpu } from '../declaration/compute.js';
import { environment, type EnvironmentOptions } from '../declaration/environment.js';
import { access } from '../declaration/access.js';
import { monitoring, type MonitoringOptions } from '../declaration/monitoring.js';
import { pipeline, type PipelineOptions } from '../declaration/pipeline.js';
import { defineProject, type ProjectDeclaration, type ProjectOptions } from '../declaration/project.js';
import { serving, type ServingOptions } from '../declaration/serving.js';

type Scalars = Pick<ProjectOptions, 'name' | 'description' | 'team' | 'cloud' | 'cicd' | 'framework'>;

export interface ConfigSource extends Scalars {
  environments: { name: string; options?: EnvironmentOptions }[];
  training: { cpu: CpuOptions } | { gpu: GpuOptions };
  pipeline?: PipelineOptions;
  serving: Omit<ServingOptions, 'compute'> & { compute?: { cpu: CpuOptions } | { gpu: GpuOptions } };
  monitoring?: MonitoringOptions;
  access?: Access;
}

const compute = (source: ConfigSource['training']) => ('gpu' in source ? gpu(source.gpu) : cpu(source.cpu));

/** Evaluates the builder calls a config source stands for. */
export function buildProject(source: ConfigSource): ProjectDeclaration {
  const { compute: servingCompute, ...servingOptions } = source.serving;
  return defineProject({
    name: source.name,
    description: source.description,
    team: source.team,
    cloud: source.cloud,
    cicd: source.cicd,
    framework: source.framework,
    environments: source.environments.map((env) => environment(env.name, env.options)),
    training: compute(source.training),
    pipeline: pipeline(source.pipeline),
    serving: serving({ ...servingOptions, ...(servingCompute ? { compute: compute(servingCompute) } : {}) }),
    monitoring: monitoring(source.monitoring),
    ...(source.access ? { access: access(source.access) } : {}),
  });
}
