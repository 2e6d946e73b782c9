/**
 * Horizontal bar charts as inline SVG, drawn from the data here so the ledger needs no script library and
 * no network: one row per bar, the label left, the bar scaled to the largest value, the value after it.
 */

/** Colours are the page's CSS classes `tone-<tone>`. */
export type Tone = 'accent' | 'good' | 'warn' | 'bad' | 'muted';

export interface Bar {
  label: string;
  value: number;
  tone?: Tone;
}

export interface ChartOptions {
  /** What the values count, for tooltips and the accessible name, e.g. `repositories`. */
  unit: string;
  /** Draw at most this many bars; the rest are named in a last line. */
  limit?: number;
}

const WIDTH = 560;
const LABEL_WIDTH = 200;
const BAR_X = LABEL_WIDTH + 8;
const BAR_SPACE = WIDTH - BAR_X - 48;
const ROW = 24;
const BAR_HEIGHT = 15;
const LABEL_CHARS = 30;

/** Text for SVG and HTML: the five characters markup gives meaning to. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const shorten = (label: string) => (label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label);

/**
 * @example barChart('Presets', [{ label: 'azure-tabular', value: 3 }], { unit: 'repositories' })
 */
export function barChart(title: string, bars: readonly Bar[], options: ChartOptions): string {
  const shown = bars.slice(0, options.limit ?? bars.length);
  const hidden = bars.length - shown.length;
  const rows = Math.max(1, shown.length) + (hidden > 0 ? 1 : 0);
  const height = rows * ROW + 8;
  const max = Math.max(1, ...shown.map((bar) => bar.value));
  const body = shown.map((bar, i) => {
    const y = i * ROW + 4;
    const width = bar.value === 0 ? 0 : Math.max(2, Math.round((bar.value / max) * BAR_SPACE));
    const label = escapeXml(bar.label);
    return [
      `<g class="bar" data-label="${label}" data-value="${bar.value}">`,
      `<title>${label}: ${bar.value} ${escapeXml(options.unit)}</title>`,
      `<text class="label" x="${LABEL_WIDTH}" y="${y + BAR_HEIGHT - 3}" text-anchor="end">${escapeXml(shorten(bar.label))}</text>`,
      `<rect class="tone-${bar.tone ?? 'accent'}" x="${BAR_X}" y="${y}" width="${width}" height="${BAR_HEIGHT}" rx="3"/>`,
      `<text class="value" x="${BAR_X + width + 6}" y="${y + BAR_HEIGHT - 3}">${bar.value}</text>`,
      '</g>',
    ].join('');
  });
  if (shown.length === 0) body.push(`<text class="label" x="${BAR_X}" y="${ROW - 8}">nothing to show</text>`);
  if (hidden > 0) body.push(`<text class="note" x="${BAR_X}" y="${shown.length * ROW + ROW - 8}">and ${hidden} more</text>`);
  const name = `${title}: ${shown.map((bar) => `${bar.label} ${bar.value}`).join(', ') || 'nothing to show'}${hidden > 0 ? `, and ${hidden} more` : ''}`;
  return `<svg class="chart" role="img" aria-label="${escapeXml(name)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">${body.join('')}</svg>`;
}
