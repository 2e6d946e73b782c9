/** The ledger page's inline style and script: kept apart from the markup they serve. */

export const LEDGER_STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --accent: #2f6fdf; --good: #1a7f37; --warn: #bf8700; --bad: #cf222e; --grey: #8c959f; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 0 0 4px; }
header p, figcaption p, .hint { color: var(--muted); margin: 0 0 8px; }
.tiles { display: flex; flex-wrap: wrap; gap: 12px; list-style: none; padding: 0; margin: 20px 0; }
.tile { min-width: 120px; padding: 10px 14px; border: 1px solid var(--line); border-left-width: 5px; border-radius: 6px; background: var(--panel); }
.tile strong { display: block; font-size: 24px; } .tile span { color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(600px, 1fr)); gap: 16px; margin-bottom: 28px; }
figure { margin: 0; padding: 14px 16px; border: 1px solid var(--line); border-radius: 8px; }
svg.chart { max-width: 100%; height: auto; font-size: 12px; }
svg.chart .label { fill: var(--ink); } svg.chart .value, svg.chart .note { fill: var(--muted); }
.tone-accent { fill: var(--accent); } .tone-good { fill: var(--good); } .tone-warn { fill: var(--warn); } .tone-bad { fill: var(--bad); } .tone-muted { fill: var(--grey); }
.tone-border-accent { border-left-color: var(--accent); } .tone-border-good { border-left-color: var(--good); } .tone-border-warn { border-left-color: var(--warn); }
.tone-border-bad { border-left-color: var(--bad); } .tone-border-muted { border-left-color: var(--grey); }
.tone-text-good { color: var(--good); } .tone-text-warn { color: var(--warn); } .tone-text-bad { color: var(--bad); } .tone-text-accent { color: var(--accent); } .tone-text-muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; white-space: nowrap; }
td:last-child { white-space: normal; min-width: 280px; } .scroll { overflow-x: auto; }
tbody tr:nth-child(even) { background: var(--panel); }
th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; color: var(--ink); }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
td:nth-child(8), td:nth-child(9), td:nth-child(10), td:nth-child(11) { text-align: right; }
ul.files { margin: 6px 0 0; padding-left: 18px; color: var(--muted); }
`;

/**
 * Sorts the table by a column when its heading is selected (again: reversed), numbers as numbers, text by
 * `data-sort` when a cell has one (versions are keyed so they sort as versions); blank cells go last.
 */
export const LEDGER_SCRIPT = `
document.querySelectorAll('#repositories th').forEach((th, index) => {
  th.querySelector('button').addEventListener('click', () => {
    const ascending = th.getAttribute('aria-sort') !== 'ascending';
    th.parentNode.querySelectorAll('th').forEach((other) => other.removeAttribute('aria-sort'));
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const key = (row) => { const cell = row.cells[index]; return cell.dataset.sort ?? cell.textContent; };
    const compare = th.dataset.type === 'number' ? (a, b) => Number(a) - Number(b) : (a, b) => a.localeCompare(b);
    const order = (a, b) => (a === b ? 0 : a === '' ? 1 : b === '' ? -1 : (ascending ? 1 : -1) * compare(a, b));
    const body = th.closest('table').tBodies[0];
    body.append(...[...body.rows].sort((a, b) => order(key(a), key(b))));
  });
});
`;
