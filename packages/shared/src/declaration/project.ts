/**
 * `defineMlProject`: the whole declaration of one ML project, validated as a unit so that a problem that
 * spans fields (a promotion naming an unknown environment, a GPU the cloud does not sell) points at its field.
 */
import * as z from 'zod/mini';
import { GpuUnavailableError, resolveGpu } from '../gpu/catalog.js';
import { AccessSchema, defaultAccess, type Access } from './access.js';
import { CICD_SYSTEMS, CLOUDS, FRAMEWORKS, NAME_PATTERN, PERSONAS, type Cloud, type CicdSystem, type Framework } from './common.js';
import { ComputeProfileSchema, cpu, type ComputeProfile } from './compute.js';
import { dataSourceProblem } from './data.js';
import { EnvironmentSchema, type Environment } from './environment.js';
import { DeclarationError } from './errors.js';
import { drift as defaultDrift, DriftSchema, monitoringOf, slo as defaultSlo, SloSchema, type Drift, type Monitoring, type Slo } from './monitoring.js';
import { PipelineSchema, pipeline as defaultPipeline, type Pipeline } from './pipeline.js';
import { ServingSchema, type Serving } from './serving.js';
import { gate as defaultGate, GateSchema, modelCard as defaultModelCard, ModelCardSchema, type Gate, type ModelCard } from './validation.js';

/** Options of {@link defineMlProject}. */
export interface ProjectOptions {
  /** Project name: lowercase a-z, 0-9 and "-"; used in every resource name. */
  name: string;
  /** What the model does. */
  description: string;
  /** Owning team. */
  team: string;
  /** Cloud the project runs on. */
  cloud: Cloud;
  /** CI/CD system that runs the pipelines. */
  cicd: CicdSystem;
  /** ML framework of the training code. */
  framework: Framework;
  /**
   * Cloud region.
   * @default westeurope (Azure), eu-west-1 (AWS), europe-west4 (GCP); unused on Kubernetes
   */
  region?: string;
  /** Environments, in promotion order; the last one is production. */
  environments: Environment[];
  /**
   * Order in which a model moves through the environments; must name every environment once.
   * @default the order of `environments`
   */
  promotion?: string[];
  /**
   * Training compute.
   * @default cpu()
   */
  training?: ComputeProfile;
  /**
   * Retraining schedule and triggers.
   * @default pipeline()
   */
  pipeline?: Pipeline;
  /** How predictions are served. */
  serving: Serving;
  /**
   * Service objectives.
   * @default slo()
   */
  slo?: Slo;
  /**
   * Drift thresholds.
   * @default drift()
   */
  drift?: Drift;
  /**
   * Ship dashboards and alert rules.
   * @default true
   */
  monitoring?: boolean;
  /**
   * Persona × environment permissions.
   * @default least privilege for every persona, see defaultAccess
   */
  access?: Access;
  /**
   * What a challenger must show to be promoted.
   * @default gate()
   */
  gate?: Gate;
  /**
   * Intended use and limitations stated by every model card.
   * @default modelCard()
   */
  modelCard?: ModelCard;
}

export const DEFAULT_REGIONS: Record<Cloud, string | undefined> = {
  azure: 'westeurope',
  aws: 'eu-west-1',
  gcp: 'europe-west4',
  kubernetes: undefined,
};

const ProjectSchema = z.strictObject({
  name: z.string().check(z.regex(NAME_PATTERN, 'must be lowercase a-z, 0-9 and "-", starting with a letter')),
  description: z.string().check(z.maxLength(500)),
  team: z.string().check(z.minLength(1), z.maxLength(100)),
  cloud: z.enum(CLOUDS),
  cicd: z.enum(CICD_SYSTEMS),
  framework: z.enum(FRAMEWORKS),
  region: z.optional(z.string().check(z.minLength(1))),
  environments: z.array(EnvironmentSchema).check(z.minLength(1, 'declare at least one environment')),
  promotion: z.optional(z.array(z.string())),
  training: ComputeProfileSchema,
  pipeline: PipelineSchema,
  serving: ServingSchema,
  slo: SloSchema,
  drift: DriftSchema,
  monitoring: z.boolean(),
  access: z.optional(AccessSchema),
  gate: GateSchema,
  modelCard: ModelCardSchema,
});

/** A validated declaration, with every default filled in: what synthesizers read. */
export interface ProjectDeclaration {
  apiVersion: 2;
  name: string;
  /** The Python package of the training and serving code. */
  packageName: string;
  description: string;
  team: string;
  cloud: Cloud;
  cicd: CicdSystem;
  framework: Framework;
  region: string | undefined;
  environments: Environment[];
  promotion: string[];
  training: ComputeProfile;
  pipeline: Pipeline;
  serving: Serving;
  monitoring: Monitoring;
  access: Access;
  gate: Gate;
  modelCard: ModelCard;
}

type Issue = { path: string; message: string };

function crossCheck(project: Omit<ProjectDeclaration, 'apiVersion' | 'packageName' | 'monitoring'>): Issue[] {
  const issues: Issue[] = [];
  const names = project.environments.map((env) => env.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) issues.push({ path: 'environments', message: `environment "${duplicate}" is declared twice` });

  project.promotion.forEach((env, i) => {
    if (!names.includes(env)) issues.push({ path: `promotion.${i}`, message: `"${env}" is not a declared environment (${names.join(', ')})` });
  });
  for (const env of names) {
    if (!project.promotion.includes(env)) issues.push({ path: 'promotion', message: `environment "${env}" is missing from promotion` });
  }

  if (project.training.kind === 'gpu') {
    try {
      resolveGpu(project.training.sku, project.training.count, project.cloud);
    } catch (error) {
      if (!(error instanceof GpuUnavailableError)) throw error;
      issues.push({ path: 'training', message: error.message });
    }
    if (project.framework === 'sklearn') issues.push({ path: 'training', message: 'scikit-learn trains on CPU; use cpu() or framework "pytorch"' });
  }
  if (project.serving.compute.kind === 'gpu') {
    if (project.serving.mode === 'batch' && project.framework === 'sklearn') {
      issues.push({ path: 'serving.compute', message: 'batch scoring with scikit-learn cannot use a GPU; use cpu()' });
    } else if (project.framework === 'sklearn') {
      issues.push({ path: 'serving.compute', message: `${project.serving.mode} serving of a scikit-learn model cannot use a GPU; use cpu()` });
    } else {
      try {
        resolveGpu(project.serving.compute.sku, project.serving.compute.count, project.cloud);
      } catch (error) {
        if (!(error instanceof GpuUnavailableError)) throw error;
        issues.push({ path: 'serving.compute', message: error.message });
      }
    }
  }

  project.environments.forEach((env, i) => {
    const problem = env.data && dataSourceProblem(project.cloud, project.name, env.data);
    if (problem) issues.push({ path: `environments.${i}.data.uri`, message: problem });
  });

  const production = project.promotion.at(-1);
  for (const [persona, levels] of Object.entries(project.access)) {
    for (const [env, level] of Object.entries(levels ?? {})) {
      const path = `access.${persona}.${env}`;
      if (!names.includes(env)) issues.push({ path, message: `"${env}" is not a declared environment (${names.join(', ')})` });
      else if (env === production && (level === 'admin' || (level === 'write' && persona === 'data-scientist'))) {
        issues.push({ path, message: `"${level}" in production: only the pipeline identity deploys to ${env}, and production data is read-only to data scientists` });
      }
    }
  }
  return issues;
}

/**
 * Declares the project; the default export of `ai-factory.config.ts`.
 * @example
 * export default defineMlProject({
 *   name: 'churn-model', description: 'Predicts churn', team: 'growth',
 *   cloud: 'azure', cicd: 'github-actions', framework: 'sklearn',
 *   environments: [environment('dev'), environment('staging'), environment('prod')],
 *   serving: serving({ mode: 'online' }), slo: slo({ latencyP95Ms: 200 }),
 * });
 */
export function defineMlProject(options: ProjectOptions): ProjectDeclaration {
  const input = {
    ...options,
    training: options.training ?? cpu(),
    pipeline: options.pipeline ?? defaultPipeline(),
    slo: options.slo ?? defaultSlo(),
    drift: options.drift ?? defaultDrift(),
    monitoring: options.monitoring ?? true,
    gate: options.gate ?? defaultGate(),
    modelCard: options.modelCard ?? defaultModelCard(),
  };
  const parsed = ProjectSchema.safeParse(input);
  if (!parsed.success) {
    throw new DeclarationError(parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(project)', message: issue.message })));
  }
  const data = parsed.data;
  const environments = data.environments.map((env) => ({ ...env, region: env.region ?? data.region ?? DEFAULT_REGIONS[data.cloud], data: env.data }));
  const promotion = data.promotion ?? environments.map((env) => env.name);
  const { slo, drift, monitoring, ...rest } = data;
  const project = {
    ...rest,
    region: data.region ?? DEFAULT_REGIONS[data.cloud],
    environments,
    promotion,
    access: data.access ?? defaultAccess(PERSONAS, environments.map((env) => env.name)),
  };
  const issues = crossCheck(project);
  if (issues.length > 0) throw new DeclarationError(issues);
  return Object.freeze({ apiVersion: 2 as const, ...project, monitoring: monitoringOf(slo, drift, monitoring), packageName: data.name.replace(/-/g, '_') });
}
