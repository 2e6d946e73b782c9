/**
 * The training data an environment declares: where it lives, as a URI the platform mounts into the
 * training job, and which version of it that is. Each platform reads it its own way (the job's data
 * input: clouds/<cloud>/contract.ts); the bundled sample stays the local default.
 */
import * as z from 'zod/mini';
import type { Cloud } from './common.js';

/** A data set the training job reads. */
export interface DataSource {
  /**
   * Where the data lives, a file or a folder of CSV files, in the form the cloud mounts: `s3://bucket/key`
   * (AWS), `gs://bucket/path` (GCP), `azureml://datastores/<store>/paths/<path>` (Azure ML), or
   * `pvc://<project>-data/<path>` on the project's data volume (Kubernetes).
   */
  uri: string;
  /** The data's version (a snapshot date, a data asset version, a commit), recorded with every run trained on it. */
  version: string;
}

export const DataSourceSchema = z.strictObject({ uri: z.string().check(z.minLength(1)), version: z.string().check(z.minLength(1)) });

/** The URI forms each cloud's training job can mount, as a pattern and the form shown in errors. */
export const DATA_URI_FORMS: Record<Cloud, { pattern: RegExp; form: string }> = {
  aws: { pattern: /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+/, form: 's3://<bucket>/<key or prefix>' },
  gcp: { pattern: /^gs:\/\/[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]\/.+/, form: 'gs://<bucket>/<path>' },
  azure: { pattern: /^azureml:\/\/datastores\/[A-Za-z0-9_]+\/paths\/.+/, form: 'azureml://datastores/<datastore>/paths/<path>' },
  kubernetes: { pattern: /^pvc:\/\/[a-z0-9-]+\/.+/, form: 'pvc://<project>-data/<path>' },
};

/** Why `source` cannot be mounted on `cloud` by project `project`, or undefined when it can. */
export function dataSourceProblem(cloud: Cloud, project: string, source: DataSource): string | undefined {
  const { pattern, form } = DATA_URI_FORMS[cloud];
  if (!pattern.test(source.uri)) return `${JSON.stringify(source.uri)} is no data URI ${cloud} mounts: use ${form}`;
  // The training pod mounts the project's own volume only.
  if (cloud === 'kubernetes' && !source.uri.startsWith(`pvc://${project}-data/`)) return `${JSON.stringify(source.uri)} is not on the project's data volume: use pvc://${project}-data/<path>`;
  return undefined;
}
