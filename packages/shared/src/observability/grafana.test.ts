import { describe, expect, it } from 'vitest';
import { dashboard, variable, type Panel } from './grafana.js';
import { statPanel, timeseriesPanel } from './panels.js';

const HEAD = { title: 'T', uid: 't', description: 'd', tags: [], time: { from: 'now-1h', to: 'now' }, refresh: '1m' };
const panel = (width: number, height = 8): Panel => ({ ...timeseriesPanel({ title: `w${width}`, description: '', unit: 'none', queries: [], width }), gridPos: { h: height, w: width, x: 0, y: 0 } });
const positions = (rows: Parameters<typeof dashboard>[2]) => dashboard(HEAD, [], rows).panels.map(({ id, gridPos }) => [id, gridPos.x, gridPos.y, gridPos.w]);

describe('dashboard', () => {
  it('flows panels left to right, wraps at 24 columns and starts each row under the tallest panel before it', () => {
    expect(positions([
      { title: 'A', panels: [panel(9), panel(9), panel(6), panel(12, 4)] },
      { title: 'B', panels: [panel(18), panel(12)] },
      { title: 'C', panels: [] },
    ])).toEqual([
      [1, 0, 0, 24],
      [2, 0, 1, 9],
      [3, 9, 1, 9],
      [4, 18, 1, 6],
      // The line was full: the next panel starts a new one, below the first line's 8 rows.
      [5, 0, 9, 12],
      [6, 0, 13, 24],
      [7, 0, 14, 18],
      // 18 + 12 overflows: Grafana places it where the line goes on and wraps it on screen.
      [8, 18, 14, 12],
      [9, 0, 22, 24],
    ]);
  });

  it('keeps the panels it is given as they are', () => {
    const stat = statPanel({ title: 'S', description: '', unit: 's', queries: [{ expr: 'up', legend: '{{job}}' }] });
    dashboard(HEAD, [], [{ title: 'A', panels: [stat] }]);
    expect(stat.gridPos).toEqual({ h: 8, w: 6, x: 0, y: 0 });
    expect(stat.id).toBeUndefined();
  });

  it('writes variables with Grafana\'s defaults, which the fields given override', () => {
    expect(variable('query', 'p', { label: 'P', multi: true })).toEqual({
      type: 'query', name: 'p', skipUrlSync: false, multi: true, allowCustomValue: true, includeAll: false, auto: false, auto_min: '10s', auto_count: 30, label: 'P',
    });
  });
});
