/**
 * The drift check: one query of the Prometheus HTTP API for the highest population stability index of any
 * feature of this project (the same series the drift alerts read). It needs only curl and jq, not the
 * project's Python package, so it runs on any runner.
 */
import type { ProjectDeclaration } from '../declaration/project.js';
import { projectQueries } from '../observability/queries.js';

/** CI variables of the drift check: the Prometheus base URL that holds the serving and batch metrics. */
export const DRIFT_VARIABLES = ['PROMETHEUS_URL'];

/** The PromQL the check runs: the worst feature's PSI of this project, online or batch. */
export const driftQuery = (project: ProjectDeclaration): string => `max(${projectQueries(project).featurePsi()})`;

/**
 * Shell that sets `DRIFT_CRITICAL=true|false` by comparing the worst feature's PSI with the declared
 * critical PSI. No data is not "no drift": the check fails, saying why, and nothing retrains.
 */
export function driftCheck(project: ProjectDeclaration): string {
  const critical = project.monitoring.driftCriticalPsi;
  return [
    `psi=$(curl --fail --silent --show-error --get --data-urlencode 'query=${driftQuery(project)}' "$PROMETHEUS_URL/api/v1/query" | jq -r '.data.result[0].value[1] // empty')`,
    'if [ -z "$psi" ]; then',
    `  echo "no feature_drift_psi of ${project.name} in Prometheus: fewer than ${project.monitoring.driftMinRows} rows scored, or the metrics do not reach it; drift is unknown" >&2`,
    '  exit 1',
    'fi',
    `echo "worst feature_drift_psi: $psi (critical above ${critical})"`,
    `if awk -v psi="$psi" 'BEGIN { exit !(psi > ${critical}) }'; then DRIFT_CRITICAL=true; else DRIFT_CRITICAL=false; fi`,
    'echo "critical drift: $DRIFT_CRITICAL"',
  ].join('\n');
}
