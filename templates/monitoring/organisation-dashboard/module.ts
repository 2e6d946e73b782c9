import { defineModule } from '@ai-factory/engine';
import { organisationDashboard } from '@ai-factory/shared';

/** Where the dashboard lands, beside the project dashboards Grafana provisioning already reads. */
export const ORGANISATION_DASHBOARD_PATH = 'monitoring/dashboards/organisation.json';

export default defineModule({
  id: 'monitoring/organisation-dashboard',
  version: '1.0.0',
  summary: 'One Grafana dashboard across every project of the fleet: errors, availability, latency, drift, model performance, GPU use and quota.',
  description:
    'For the repository that provisions the organisation\'s Grafana (a platform or observability repository), not for ' +
    'each use case, so no default preset lists it: add it to your organisation\'s preset, or import the JSON the ' +
    'playbook publishes. A project variable, filled from every served model, scraped or pushed, selects projects; every ' +
    'panel reads the same series as the projects\' own dashboards.',
  when: { monitoring: [true] },
  generate: () => [{ path: ORGANISATION_DASHBOARD_PATH, content: `${JSON.stringify(organisationDashboard(), null, 2)}\n`, owner: 'managed' }],
});
