/**
 * The fleet ledger as one self-contained HTML page: inline CSS, inline SVG charts and a few lines of inline
 * script that sort the table. Its Content-Security-Policy forbids every fetch, so the page works offline
 * and from a CI artifact, and can never call out.
 */
import semver from 'semver';
import { isRepositoryUrl } from '../repos.js';
import { waveLabel } from '../waves.js';
import { charts, RUN_TONE, STATE_TONE } from './charts.js';
import type { Ledger, LedgerRow } from './model.js';
import { LEDGER_SCRIPT, LEDGER_STYLE } from './page-assets.js';
import { escapeXml, type Tone } from './svg.js';

/** A repository's name in segments: `ml`, `churn` from a URL, the folders of a path. */
const segments = (name: string) => name.replace(/\.git$/, '').replace(/\/+$/, '').split(isRepositoryUrl(name) ? /[/:]/ : '/').filter(Boolean);

/** A repository's short name for labels: `ml/churn` from a URL, the folder name from a path. */
export function shortName(name: string): string {
  const parts = segments(name);
  return (isRepositoryUrl(name) ? parts.slice(-2) : parts.slice(-1)).join('/') || name;
}

/** Short names, made unique by adding parent folders where two repositories would share one. */
export function uniqueNames(names: readonly string[]): Map<string, string> {
  const labels = new Map(names.map((name) => [name, shortName(name)]));
  for (let depth = 2; depth <= 8; depth += 1) {
    const seen = new Map<string, number>();
    for (const label of labels.values()) seen.set(label, (seen.get(label) ?? 0) + 1);
    const clashing = names.filter((name) => seen.get(labels.get(name)!)! > 1);
    if (clashing.length === 0) break;
    for (const name of clashing) labels.set(name, segments(name).slice(-depth).join('/'));
  }
  return labels;
}

/** A version as a key that sorts as text: `000001.000010.000000`; unknown sorts first. */
const versionKey = (version: string | undefined) =>
  version && semver.valid(version) ? [semver.major(version), semver.minor(version), semver.patch(version)].map((n) => String(n).padStart(6, '0')).join('.') : '';

const COLUMNS: { title: string; type: 'text' | 'number' }[] = [
  { title: 'Repository', type: 'text' }, { title: 'Factory', type: 'text' }, { title: 'Shared', type: 'text' }, { title: 'Preset', type: 'text' },
  { title: 'State', type: 'text' }, { title: 'Upgrade branches', type: 'text' }, { title: 'Last run', type: 'text' }, { title: 'Conflicts', type: 'number' },
  { title: 'Days since upgrade', type: 'number' }, { title: 'Modules', type: 'number' }, { title: 'Wave', type: 'number' }, { title: 'Forecast', type: 'text' },
  { title: 'Error', type: 'text' },
];

function cell(text: string, options: { sort?: string | number; title?: string; className?: string } = {}): string {
  const attributes = [
    options.sort !== undefined ? ` data-sort="${escapeXml(String(options.sort))}"` : '',
    options.title ? ` title="${escapeXml(options.title)}"` : '',
    options.className ? ` class="${options.className}"` : '',
  ].join('');
  return `<td${attributes}>${escapeXml(text)}</td>`;
}

function tableRow({ name, status, state, ageDays }: LedgerRow, label: string): string {
  const { lastRun: run, forecast } = status;
  return `<tr>${[
    cell(label, { sort: label, title: name }),
    cell(status.factoryVersion ?? '—', { sort: versionKey(status.factoryVersion) }),
    cell(status.sharedVersion ?? '—', { sort: versionKey(status.sharedVersion) }),
    cell(status.preset ?? '—'),
    cell(state, { className: `state tone-text-${STATE_TONE[state]}` }),
    cell(status.upgradeBranches.join(', ') || '—'),
    cell(run?.status ?? '—', run ? { className: `tone-text-${RUN_TONE[run.status]}` } : {}),
    cell(String(run?.conflicts.length ?? 0), { sort: run?.conflicts.length ?? 0, title: run?.conflicts.join('\n') ?? '' }),
    cell(ageDays === undefined ? '—' : String(ageDays), { sort: ageDays ?? '' }),
    cell(String(status.modules.length), { sort: status.modules.length, title: status.modules.join('\n') }),
    cell(status.wave !== undefined ? waveLabel(status.wave) : '—', { sort: status.wave ?? '' }),
    cell(forecast?.status ?? '—', forecast ? { className: `tone-text-${RUN_TONE[forecast.status]}`, title: forecast.error ?? forecast.conflicts.join('\n') } : {}),
    cell(status.error ?? run?.error ?? ''),
  ].join('')}</tr>`;
}

function tiles(ledger: Ledger): string {
  const upgrades = new Map(ledger.upgrades.map((c) => [c.label, c.value]));
  const runs = new Map((ledger.lastRun ?? []).map((c) => [c.label, c.value]));
  const items: [string, number, Tone][] = [
    ['repositories', ledger.rows.length, 'muted'],
    ['current', upgrades.get('current') ?? 0, 'good'],
    ['upgrade waiting', upgrades.get('upgrade waiting') ?? 0, 'accent'],
    ['behind', upgrades.get('behind') ?? 0, 'warn'],
    ['unreadable', upgrades.get('unreadable') ?? 0, 'bad'],
    ...(ledger.lastRun ? ([['with conflicts', runs.get('conflicts') ?? 0, 'warn'], ['failed', runs.get('failed') ?? 0, 'bad']] as [string, number, Tone][]) : []),
    ...(ledger.forecast ? ([['upgrade cleanly in the forecast', ledger.forecast.outcomes.find((c) => c.label === 'upgraded')?.value ?? 0, 'good']] as [string, number, Tone][]) : []),
  ];
  return `<ul class="tiles">${items.map(([label, value, tone]) => `<li class="tile tone-border-${tone}"><strong>${value}</strong><span>${escapeXml(label)}</span></li>`).join('')}</ul>`;
}

/** The whole page. */
export function renderLedger(ledger: Ledger): string {
  const names = uniqueNames(ledger.rows.map((row) => row.name));
  const head = COLUMNS.map(({ title, type }) => `<th scope="col" data-type="${type}"><button type="button">${escapeXml(title)}</button></th>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fleet ledger</title>
<style>${LEDGER_STYLE}</style>
</head>
<body>
<header><h1>Fleet ledger</h1><p>${ledger.rows.length} repositories against factory ${escapeXml(ledger.current)}, read ${escapeXml(ledger.generatedAt)} by <code>ai-factory fleet status</code>.</p></header>
${tiles(ledger)}
<section class="charts">
${charts(ledger, names).join('\n')}
</section>
<section>
<h2>Repositories</h2>
<p class="hint">Select a column heading to sort by it; select it again to reverse.</p>
<div class="scroll"><table id="repositories"><thead><tr>${head}</tr></thead><tbody>
${ledger.rows.map((row) => tableRow(row, names.get(row.name)!)).join('\n')}
</tbody></table></div>
</section>
<script>${LEDGER_SCRIPT}</script>
</body>
</html>
`;
}
