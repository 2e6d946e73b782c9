import * as z from 'zod/mini';
import { parseWith } from './errors.js';
import { NAME_PATTERN } from './common.js';
import { DataSourceSchema, type DataSource } from './data.js';

/** Options of {@link environment}. */
export interface EnvironmentOptions {
  /**
   * A person must approve deployments into this environment.
   * @default true for an environment named `prod`, false otherwise
   */
  approval?: boolean;
  /**
   * Cloud region of the environment's resources.
   * @default the project's region
   */
  region?: string;
  /**
   * Monthly budget for the environment, in the billing currency; cost alerts fire at 50, 80 and 100%.
   * @default 500 for prod, 200 otherwise
   */
  monthlyBudget?: number;
  /**
   * The training data of this environment. Training reads the data of the first environment of the
   * promotion order, where a model starts its way to production.
   * @default `<project>/data/` in the environment's artifact storage (clouds/<cloud>/contract.ts)
   */
  data?: DataSource;
}

export interface Environment extends Required<Omit<EnvironmentOptions, 'region' | 'data'>> {
  name: string;
  region: string | undefined;
  data: DataSource | undefined;
}

export const EnvironmentSchema = z.strictObject({
  name: z.string().check(z.regex(NAME_PATTERN, 'must be lowercase a-z, 0-9 and "-", starting with a letter')),
  approval: z.boolean(),
  region: z.optional(z.string().check(z.minLength(1))),
  monthlyBudget: z.number().check(z.positive()),
  data: z.optional(DataSourceSchema),
});

/**
 * Declares a deployment environment. List environments in promotion order.
 * @example environment('prod', { approval: true, monthlyBudget: 1500 })
 */
export function environment(name: string, options: EnvironmentOptions = {}): Environment {
  const isProd = name === 'prod';
  const parsed = parseWith(EnvironmentSchema, {
    name,
    approval: options.approval ?? isProd,
    ...(options.region !== undefined ? { region: options.region } : {}),
    monthlyBudget: options.monthlyBudget ?? (isProd ? 500 : 200),
    ...(options.data !== undefined ? { data: options.data } : {}),
  }, `environment(${JSON.stringify(name)})`);
  return { ...parsed, region: parsed.region, data: parsed.data };
}
