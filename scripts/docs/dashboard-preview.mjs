/**
 * A preview of a Grafana dashboard drawn as SVG from its JSON model, so the playbook shows what a team
 * will see without a Grafana server: the real layout (each panel at its `gridPos`), titles, units,
 * thresholds drawn where the panel draws them, legends, and each panel's PromQL as its tooltip. It
 * shows no data: a preview with invented lines would claim what no project measured.
 */

const WIDTH = 1200;
const UNIT = WIDTH / 24; // Grafana's grid is 24 columns wide
const ROW_HEIGHT = 30; // and each grid row is 30 px high
const HEADER = 52;
const GAP = 6;
const COLOURS = { page: '#111217', panel: '#181b1f', border: '#2c3235', text: '#ccccdc', muted: '#8e8e9e', axis: '#34383e', green: '#73bf69', yellow: '#fade2a', red: '#f2495c', series: ['#7eb26d', '#eab839', '#6ed0e0', '#ef843c', '#e24d42', '#1f78c1'] };

/** Text for XML content or attribute values. */
export const xml = (value) => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `{{job}} {{version}}` → `‹job› ‹version›`: which labels a legend will show. */
const legendText = (format) => (format || 'series').replace(/\{\{\s*(\w+)\s*\}\}/g, '‹$1›');

function text(x, y, content, { size = 12, colour = COLOURS.text, weight = 'normal', anchor = 'start' } = {}) {
  return `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${colour}" text-anchor="${anchor}">${xml(content)}</text>`;
}

/** Threshold steps above the base colour, as `{ value, colour }`. */
function thresholds(panel) {
  const steps = panel.fieldConfig?.defaults?.thresholds?.steps ?? [];
  return steps.filter((step) => typeof step.value === 'number').map((step) => ({ value: step.value, colour: COLOURS[step.color] ?? step.color }));
}

function legends(panel, x, y, width) {
  let offset = 0;
  return (panel.targets ?? []).map((target, index) => {
    const label = legendText(target.legendFormat);
    const colour = COLOURS.series[index % COLOURS.series.length];
    const item = `<rect x="${x + offset}" y="${y - 8}" width="12" height="4" fill="${colour}"/>${text(x + offset + 16, y - 3, label, { size: 11, colour: COLOURS.muted })}`;
    offset += Math.min(width / 2, 28 + label.length * 6.2);
    return item;
  }).join('');
}

function timeseries(panel, box) {
  const plot = { x: box.x + 44, y: box.y + 34, width: box.width - 56, height: box.height - 66 };
  const steps = thresholds(panel);
  const top = steps.length > 0 ? Math.max(...steps.map((s) => s.value)) * 1.5 : 1;
  const grid = [0.25, 0.5, 0.75].map((f) => `<line x1="${plot.x}" x2="${plot.x + plot.width}" y1="${plot.y + plot.height * f}" y2="${plot.y + plot.height * f}" stroke="${COLOURS.axis}" stroke-width="1"/>`).join('');
  const lines = steps.map(({ value, colour }) => {
    const y = plot.y + plot.height * (1 - value / top);
    return `<line x1="${plot.x}" x2="${plot.x + plot.width}" y1="${y}" y2="${y}" stroke="${colour}" stroke-width="1.5" stroke-dasharray="6 4"/>${text(plot.x - 6, y + 4, value, { size: 10, colour, anchor: 'end' })}`;
  }).join('');
  return [
    `<rect x="${plot.x}" y="${plot.y}" width="${plot.width}" height="${plot.height}" fill="none" stroke="${COLOURS.axis}"/>`,
    grid,
    lines,
    text(plot.x + 4, plot.y + 12, panel.fieldConfig?.defaults?.unit ?? '', { size: 10, colour: COLOURS.muted }),
    legends(panel, plot.x, box.y + box.height - 8, plot.width),
  ].join('');
}

function stat(panel, box) {
  const label = panel.options?.textMode === 'name' ? legendText(panel.targets?.[0]?.legendFormat) : panel.fieldConfig?.defaults?.unit ?? '';
  return text(box.x + box.width / 2, box.y + box.height / 2 + 12, label, { size: 22, weight: 'bold', colour: COLOURS.green, anchor: 'middle' });
}

function bargauge(panel, box) {
  const steps = thresholds(panel);
  const colour = steps.length > 0 ? COLOURS.green : COLOURS.series[5];
  const bars = [0, 1, 2].map((i) => {
    const y = box.y + 42 + i * ((box.height - 70) / 3);
    return `<rect x="${box.x + 12}" y="${y}" width="${box.width - 24}" height="${Math.max(8, (box.height - 90) / 3)}" rx="2" fill="none" stroke="${colour}" stroke-opacity="0.6"/>`;
  }).join('');
  return bars + legends(panel, box.x + 12, box.y + box.height - 8, box.width - 24);
}

const DRAW = { timeseries, stat, bargauge };

function panelSvg(panel) {
  const { x, y, w, h } = panel.gridPos;
  const box = { x: x * UNIT + GAP / 2, y: HEADER + y * ROW_HEIGHT + GAP / 2, width: w * UNIT - GAP, height: h * ROW_HEIGHT - GAP };
  if (panel.type === 'row') {
    return `<g class="row">${text(box.x + 4, box.y + 19, `⌄ ${panel.title}`, { size: 14, weight: 'bold' })}</g>`;
  }
  // Line breaks as character references: the SVG is inlined in Markdown, where a blank line ends the HTML.
  const tooltip = [panel.title, panel.description ?? '', '', ...(panel.targets ?? []).map((t) => t.expr)].map(xml).join('&#10;');
  const body = (DRAW[panel.type] ?? (() => ''))(panel, box);
  return [
    `<g class="panel" data-type="${xml(panel.type)}">`,
    `<title>${tooltip}</title>`,
    `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="4" fill="${COLOURS.panel}" stroke="${COLOURS.border}"/>`,
    text(box.x + 10, box.y + 20, panel.title, { size: 13, weight: 'bold' }),
    body,
    '</g>',
  ].join('');
}

/** The dashboard's variables as the pickers Grafana shows above the panels. */
function variables(dashboard) {
  let x = 12;
  return (dashboard.templating?.list ?? []).map((variable) => {
    const label = `${variable.label ?? variable.name}${variable.includeAll ? ': All' : ''} ▾`;
    const width = 24 + label.length * 7;
    const pill = `<rect x="${x}" y="14" width="${width}" height="26" rx="3" fill="${COLOURS.panel}" stroke="${COLOURS.border}"/>${text(x + 10, 31, label, { size: 12 })}`;
    x += width + 8;
    return pill;
  }).join('');
}

/** The SVG preview of a dashboard JSON model (a parsed object). */
export function renderDashboardPreview(dashboard) {
  const panels = dashboard.panels ?? [];
  const bottom = Math.max(1, ...panels.map((p) => p.gridPos.y + p.gridPos.h));
  const height = HEADER + bottom * ROW_HEIGHT + GAP;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${xml(`Preview of the Grafana dashboard ${dashboard.title}`)}" font-family="Inter, Helvetica, Arial, sans-serif">`,
    `<rect width="${WIDTH}" height="${height}" fill="${COLOURS.page}"/>`,
    variables(dashboard),
    text(WIDTH - 12, 31, dashboard.title, { size: 14, weight: 'bold', anchor: 'end' }),
    ...panels.map(panelSvg),
    '</svg>',
  ].join('');
}
