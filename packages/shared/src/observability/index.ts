/** Dashboards and Prometheus alert rules of a project, synthesized from its monitoring declaration. */
import { emitYaml } from '../format/yaml/index.js';
import type { Synthesizer } from '../synth/artifact.js';
import { ALERT_RULES_DIR, DASHBOARDS_DIR } from '../synth/paths.js';
import { alertRuleGroups } from './alerts.js';
import { serviceDashboard } from './dashboard.js';

export { RETRAIN_LABEL, type RuleGroup } from './alerts.js';
export { organisationDashboard, PROJECT_VARIABLE, type OrganisationDashboardOptions } from './organisation.js';
export { KNOWN_METRICS, METRIC_SOURCES, SERVICE_METRICS } from './metrics.js';

/** Path of a project's service dashboard. */
export const dashboardPath = (project: string) => `${DASHBOARDS_DIR}/${project}-service.json`;
/** Path of a project's alert rules file. */
export const alertRulesPath = (project: string) => `${ALERT_RULES_DIR}/${project}.rules.yml`;

/** Writes the service dashboard and the alert rules when `monitoring.enabled`. */
export const synthesizeObservability: Synthesizer = (project) => {
  if (!project.monitoring.enabled) return [];
  return [
    { path: dashboardPath(project.name), content: `${JSON.stringify(serviceDashboard(project), null, 2)}\n` },
    { path: alertRulesPath(project.name), content: emitYaml({ groups: alertRuleGroups(project) }) },
  ];
};
