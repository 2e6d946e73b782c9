/**
 * A project's declaration as builder calls: the form `ai-factory.config.ts` is written in. One model
 * serves both ends: {@link buildProject} evaluates it here, {@link printConfig} writes it as TypeScript,
 * so a generated config always evaluates to the declaration the factory synthesized from.
 */
import { access, type Access } from '../declaration/access.js';
import type { GpuSku } from '../gpu/catalog.js';
import { accelerator, cpu, type AcceleratorOptions, type CpuOptions } from '../declaration/compute.js';
import { environment, type EnvironmentOptions } from '../declaration/environment.js';
import { drift, slo, type DriftOptions, type SloOptions } from '../declaration/monitoring.js';
import { pipeline, type PipelineOptions } from '../declaration/pipeline.js';
import { defineMlProject, type ProjectDeclaration, type ProjectOptions } from '../declaration/project.js';
import { serving, type ServingOptions } from '../declaration/serving.js';
import { gate, modelCard, type GateOptions, type ModelCardOptions } from '../declaration/validation.js';

type Scalars = Pick<ProjectOptions, 'name' | 'description' | 'team' | 'cloud' | 'cicd' | 'framework'>;

/** `cpu(options)` or `accelerator(sku, options)`. */
export type ComputeSource = { cpu: CpuOptions } | { accelerator: GpuSku; options?: AcceleratorOptions };

export interface ConfigSource extends Scalars {
  environments: { name: string; options?: EnvironmentOptions }[];
  training: ComputeSource;
  pipeline?: PipelineOptions;
  serving: Omit<ServingOptions, 'compute'> & { compute?: ComputeSource };
  slo?: SloOptions;
  drift?: DriftOptions;
  /** @default true */
  monitoring?: boolean;
  access?: Access;
  gate?: GateOptions;
  modelCard?: ModelCardOptions;
}

const compute = (source: ComputeSource) => ('accelerator' in source ? accelerator(source.accelerator, source.options) : cpu(source.cpu));

/** Evaluates the builder calls a config source stands for. */
export function buildProject(source: ConfigSource): ProjectDeclaration {
  const { compute: servingCompute, ...servingOptions } = source.serving;
  return defineMlProject({
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
    slo: slo(source.slo),
    drift: drift(source.drift),
    ...(source.monitoring === false ? { monitoring: false } : {}),
    ...(source.access ? { access: access(source.access) } : {}),
    gate: gate(source.gate),
    modelCard: modelCard(source.modelCard),
  });
}
