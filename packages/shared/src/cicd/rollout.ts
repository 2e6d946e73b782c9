/**
 * How a new model version takes over an online endpoint in every environment: it is deployed next to
 * the live version, gets a canary share of the traffic, and gets all of it only once it has served the
 * canary share for the whole window without its deployment failing; the old version is removed last.
 * Each platform does this its own way (Azure ML blue/green traffic, SageMaker blue/green canary,
 * Vertex AI traffic split, a Kubernetes rolling update surging one pod at a time).
 */
export const ROLLOUT = {
  /** Share of the traffic, in percent, the new version serves first. */
  canaryPercent: 10,
  /** How long it serves that share before it takes everything. */
  canarySeconds: 600,
} as const;
