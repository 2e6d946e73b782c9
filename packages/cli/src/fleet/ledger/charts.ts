/** The ledger's charts: one figure per question the page answers, drawn from the ledger's figures. */
import type { Count, Ledger, UpgradeState } from './model.js';
import { barChart, escapeXml, type Bar, type Tone } from './svg.js';

export const STATE_TONE: Record<UpgradeState, Tone> = { current: 'good', 'upgrade waiting': 'accent', behind: 'warn', unreadable: 'bad' };
export const RUN_TONE: Record<string, Tone> = { upgraded: 'good', 'up-to-date': 'good', conflicts: 'warn', failed: 'bad', 'not in the reports': 'muted' };
const OLD_DAYS = 180;
const AGEING_DAYS = 90;
const REPOSITORIES = { unit: 'repositories' };

const bars = (counts: readonly Count[], tone: (label: string) => Tone = () => 'accent'): Bar[] => counts.map((c) => ({ ...c, tone: tone(c.label) }));

/** A figure: its title, an optional caption, the chart, and any markup to follow it. */
function figure(id: string, title: string, svg: string, caption?: string, after = ''): string {
  return `<figure id="${id}"><figcaption><h2>${escapeXml(title)}</h2>${caption ? `<p>${escapeXml(caption)}</p>` : ''}</figcaption>${svg}${after}</figure>`;
}

const chart = (id: string, title: string, counts: Bar[], options: { limit?: number; caption?: string; after?: string } = {}) =>
  figure(id, title, barChart(title, counts, { ...REPOSITORIES, ...(options.limit ? { limit: options.limit } : {}) }), options.caption, options.after);

/** The forecast's figures: outcomes, conflicting files, and each codemod with the files it changes listed under its bars. */
function forecastCharts(forecast: NonNullable<Ledger['forecast']>): string[] {
  const files = Object.entries(forecast.codemodFiles)
    .map(([codemod, paths]) => `<li><code>${escapeXml(codemod)}</code>: ${escapeXml(paths.join(', ') || 'no file recorded')}</li>`)
    .join('');
  return [
    chart('forecast', 'Forecast of the next run', bars(forecast.outcomes, (s) => RUN_TONE[s] ?? 'muted'), { caption: 'Every upgrade computed in memory by fleet upgrade --dry-run; nothing was written.' }),
    chart('forecast-conflicts', 'Forecast conflicts by file', bars(forecast.conflicts, () => 'warn'), { limit: 16 }),
    chart('forecast-codemods', 'Forecast codemods', bars(forecast.codemods), { caption: 'Repositories each codemod changes, and the files it changes in how many.', after: files ? `<ul class="files">${files}</ul>` : '' }),
  ];
}

/**
 * Every figure of the page; `names` are the repositories' short labels.
 * @example charts(buildLedger(rows, '0.3.0', new Date(), { withReports: true }), uniqueNames(names))
 */
export function charts(ledger: Ledger, names: ReadonlyMap<string, string>): string[] {
  const figures = [
    chart('factory-versions', 'Factory versions', bars(ledger.factoryVersions, (v) => (v === ledger.current ? 'good' : 'warn')), { caption: `This CLI ships ${ledger.current}.` }),
    chart('shared-versions', '@ai-factory/shared versions', bars(ledger.sharedVersions)),
    chart('presets', 'Presets', bars(ledger.presets)),
    chart('modules', 'Modules', bars(ledger.modules), { limit: 24 }),
    chart('upgrades', 'Upgrades', bars(ledger.upgrades, (s) => STATE_TONE[s as UpgradeState]), { caption: 'Upgrade waiting: its branch for this version exists and waits for review.' }),
  ];
  if (ledger.waves.length > 0) {
    figures.push(chart('waves', 'Rollout waves', bars(ledger.waves), { caption: 'Repositories first upgraded by fleet upgrade --wave N%, canaries first: the same on every run.' }));
  }
  if (ledger.lastRun) {
    figures.push(
      chart('last-run', 'Last run', bars(ledger.lastRun, (s) => RUN_TONE[s] ?? 'muted')),
      chart('conflicts', 'Conflicts by file', bars(ledger.conflicts, () => 'warn'), { limit: 16 }),
      chart('failures', 'Failures by error', bars(ledger.failures, () => 'bad')),
    );
  }
  if (ledger.forecast) figures.push(...forecastCharts(ledger.forecast));
  const aged = ledger.rows.filter((row) => row.ageDays !== undefined).sort((a, b) => b.ageDays! - a.ageDays! || (a.name < b.name ? -1 : 1));
  const ages = aged.map((row): Bar => ({ label: names.get(row.name)!, value: row.ageDays!, tone: row.ageDays! > OLD_DAYS ? 'bad' : row.ageDays! > AGEING_DAYS ? 'warn' : 'accent' }));
  figures.push(figure('ages', 'Days since the last upgrade', barChart('Days since the last upgrade', ages, { unit: 'days', limit: 30 }), 'Since the manifest at HEAD last changed: the last upgrade merged, or the creation. Oldest first.'));
  return figures;
}
