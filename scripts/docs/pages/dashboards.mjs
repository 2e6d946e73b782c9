/**
 * The dashboards a project and the organisation get: previews drawn from the very JSON the factory
 * writes (each preset generated in memory, the organisation module's output), the organisation
 * dashboard's panels and queries, and its JSON to import.
 */
import { renderDashboardPreview } from '../dashboard-preview.mjs';
import { code, link, page, table, text } from '../markdown.mjs';
import { modulePath } from './modules.mjs';
import { loadCatalog, loadEngine } from '../sources.mjs';

export const ORGANISATION_MODULE = 'monitoring/organisation-dashboard';
const SUMMARY = 'Previews of the Grafana dashboards each preset generates and of the organisation dashboard, with its panels and JSON.';
const ORGANISATION_JSON = 'dashboards/organisation.json';

/** Inline SVG in a block Vue leaves alone (legends and queries hold braces). */
const preview = (dashboard) => `<div class="dashboard-preview" v-pre>${renderDashboardPreview(dashboard)}</div>`;

/** Rows and panels of a dashboard JSON model, in order: `{ row, panel }` with the panel JSON. */
export function panelsByRow(dashboard) {
  let row = '';
  return (dashboard.panels ?? []).flatMap((panel) => {
    if (panel.type === 'row') {
      row = panel.title;
      return [];
    }
    return [{ row, panel }];
  });
}

function organisationSection(dashboard) {
  const panels = table(['row', 'panel', 'what it shows', 'PromQL'], panelsByRow(dashboard).map(({ row, panel }) => [
    text(row),
    text(panel.title),
    text(panel.description ?? ''),
    (panel.targets ?? []).map((target) => code(target.expr)).join('<br>'),
  ]));
  return [
    '## Organisation dashboard',
    `One dashboard across every project of the fleet, for the platform team and whoever answers for the portfolio. The ${code('project', { inTable: false })} variable lists every project whose service Prometheus scrapes (${code('label_values(model_info, job)', { inTable: false })}); choose one, several or all. Each line is the same series as the project's own dashboard, kept apart by project.`,
    `Import [organisation.json](/reference/${ORGANISATION_JSON}) into Grafana (Dashboards → New → Import), or add the ${link(ORGANISATION_MODULE, modulePath(ORGANISATION_MODULE))} module to the preset of the repository that provisions your Grafana: it writes the same file to ${code('monitoring/dashboards/organisation.json', { inTable: false })}. Hover a panel in the preview for its query.`,
    preview(dashboard),
    panels,
    'GPU quota comes from the namespace ResourceQuota the Kubernetes Terraform module creates, read by kube-state-metrics. Cloud GPU quotas (per subscription, account or project, and region) are not Prometheus metrics: see [Budgets, quotas and costs](/guide/costs#gpu-quota).',
  ].join('\n\n');
}

function presetSection({ preset, dashboards }) {
  if (dashboards.length === 0) {
    return `### ${text(preset)}\n\nNo dashboard: ${link(preset, `presets/${preset}`)} scores in batch on CPU, which exports no metrics to draw.`;
  }
  return [
    `### ${text(preset)}`,
    ...dashboards.map(({ path, dashboard }) => `${code(path, { inTable: false })}, rows ${panelsByRow(dashboard).map(({ row }) => row).filter((row, i, all) => all.indexOf(row) === i).map((row) => `**${text(row)}**`).join(', ')}.\n\n${preview(dashboard)}`),
  ].join('\n\n');
}

export function renderDashboardsPage(organisation, presets) {
  return page({
    title: 'Dashboards',
    description: SUMMARY,
    wide: true,
    body: [
      'Every project with monitoring on gets `monitoring/dashboards/<project>-service.json`, synthesized from `ai-factory.config.ts` (objectives and drift thresholds are drawn on its panels), and its alert rules beside it. Every panel queries the dashboard\'s Prometheus datasource variable, so the same JSON imports into any Grafana. The previews below are drawn from the JSON the factory writes; they show the layout, not data.',
      organisationSection(organisation),
      '## Project dashboards by preset',
      `Each preset generated with its own answers (the project named after the preset). See [Shared dashboards](/guide/dashboards) for who watches what.`,
      ...presets.map(presetSection),
    ].join('\n\n'),
  });
}

/** Each preset's dashboards, from a project generated in memory exactly as `create-ml-project --preset <id> --yes` would. */
function presetDashboards(engine, catalog) {
  return [...catalog.presets.values()].map((preset) => {
    const answers = { ...engine.defaultAnswers(preset.id), ...preset.answers, preset: preset.id };
    const { tree } = engine.generateProject(catalog, answers);
    const dashboards = tree.entries()
      .filter(([path]) => path.startsWith('monitoring/dashboards/') && path.endsWith('.json'))
      .map(([path, file]) => ({ path, dashboard: JSON.parse(file.content.toString('utf8')) }));
    return { preset: preset.id, dashboards };
  });
}

export default {
  id: 'dashboards',
  title: 'Platform',
  order: 30,
  async pages() {
    const [catalog, engine] = await Promise.all([loadCatalog(), loadEngine()]);
    const module = catalog.modules.get(ORGANISATION_MODULE);
    const [file] = module.generate({ answers: { ...engine.defaultAnswers('organisation'), preset: 'none' }, options: {}, factoryVersion: catalog.version });
    const organisation = JSON.parse(file.content);
    return [{
      path: 'dashboards',
      title: 'Dashboards',
      summary: SUMMARY,
      markdown: renderDashboardsPage(organisation, presetDashboards(engine, catalog)),
      assets: [{ path: ORGANISATION_JSON, content: file.content }],
    }];
  },
};
