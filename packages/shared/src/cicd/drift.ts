/**
 * The drift check: one query of the Prometheus HTTP API for the highest population stability index of any
 * feature. It needs only curl and jq, not the project's Python package, so it runs on any runner.
 */

/** CI variables of the drift check: the Prometheus base URL that scrapes the serving metrics. */
export const DRIFT_VARIABLES = ['PROMETHEUS_URL'];

/** The PromQL the check runs: the worst feature's PSI, as exported by the drift gauge of the serving code. */
export const DRIFT_QUERY = 'max(feature_drift_psi)';

/**
 * Shell that sets `DRIFT_CRITICAL=true|false` by comparing the worst feature's PSI with `criticalPsi`.
 * No data (nothing served yet) counts as no drift.
 */
export function driftQuery(criticalPsi: number): string {
  return [
    `psi=$(curl --fail --silent --show-error --get --data-urlencode 'query=${DRIFT_QUERY}' "$PROMETHEUS_URL/api/v1/query" | jq -r '.data.result[0].value[1] // "0"')`,
    `echo "worst feature_drift_psi: $psi (critical above ${criticalPsi})"`,
    `if awk -v psi="$psi" 'BEGIN { exit !(psi > ${criticalPsi}) }'; then DRIFT_CRITICAL=true; else DRIFT_CRITICAL=false; fi`,
    'echo "critical drift: $DRIFT_CRITICAL"',
  ].join('\n');
}
