/**
 * The Grafana JSON model (dashboard schema v1) of the dashboards the factory writes, built as plain
 * objects. Grafana's Foundation SDK builders were used before; loading them cost more than building every
 * dashboard of a project, so the keys they wrote are written here in the same order, and the files are
 * byte for byte what the SDK wrote.
 */

/** A reference to a datasource, here always the dashboard's datasource variable. */
export interface DatasourceRef {
  type: string;
  uid: string;
}

/** Position and size of a panel on the 24-column grid. */
export interface GridPos {
  h: number;
  w: number;
  x: number;
  y: number;
}

/** A Prometheus query of a panel. */
export interface PrometheusTarget {
  expr: string;
  refId: string;
  legendFormat: string;
  format?: 'heatmap';
  instant?: boolean;
  range?: boolean;
}

/** A color step: from `value` on (`null`: from the lowest value) the panel shows `color`. */
export interface ThresholdStep {
  value: number | null;
  color: string;
}

/** A visualisation panel (time series, stat or bar gauge). */
export interface Panel {
  type: 'timeseries' | 'stat' | 'bargauge';
  transparent: boolean;
  repeatDirection: 'h';
  /** The visualisation's own options, as its plugin defines them. */
  options: Record<string, unknown>;
  title: string;
  description: string;
  datasource: DatasourceRef;
  targets: PrometheusTarget[];
  fieldConfig: {
    defaults: { custom?: Record<string, unknown>; unit: string; thresholds: { mode: 'absolute'; steps: ThresholdStep[] }; min?: number; max?: number };
    overrides: [];
  };
  gridPos: GridPos;
  id?: number;
}

/** A row heading; the panels under it follow it in the dashboard's panel list. */
export interface RowPanel {
  type: 'row';
  collapsed: boolean;
  id: number;
  panels: [];
  title: string;
  gridPos: GridPos;
}

/** A dashboard variable (a datasource or a query). */
export interface Variable {
  type: 'datasource' | 'query';
  name: string;
  label: string;
  [field: string]: unknown;
}

/** A dashboard as Grafana imports and provisions it. */
export interface Dashboard {
  timezone: string;
  editable: boolean;
  graphTooltip: number;
  fiscalYearStartMonth: number;
  schemaVersion: number;
  templating: { list: Variable[] };
  annotations: Record<string, never>;
  title: string;
  uid: string;
  description: string;
  tags: string[];
  time: { from: string; to: string };
  refresh: string;
  panels: (RowPanel | Panel)[];
}

/** A titled row of panels. */
export interface Row {
  title: string;
  panels: Panel[];
}

/** What a dashboard says about itself, beside its variables and rows. */
export type DashboardHead = Pick<Dashboard, 'title' | 'uid' | 'description' | 'tags' | 'time' | 'refresh'>;

const GRID_WIDTH = 24;

/** A variable with the fields Grafana's schema defaults, then `fields` (which may override them). */
export function variable(type: Variable['type'], name: string, fields: { label: string } & Record<string, unknown>): Variable {
  return { type, name, skipUrlSync: false, multi: false, allowCustomValue: true, includeAll: false, auto: false, auto_min: '10s', auto_count: 30, ...fields };
}

/**
 * A read-only dashboard of `rows`: panels flow left to right and wrap at the grid's width, each row starts
 * below the tallest panel of the line before, and rows and panels are numbered in order.
 */
export function dashboard(head: DashboardHead, variables: Variable[], rows: readonly Row[]): Dashboard {
  const panels: (RowPanel | Panel)[] = [];
  let id = 0;
  let y = 0;
  let lineHeight = 0;
  for (const row of rows) {
    const rowY = y + lineHeight;
    panels.push({ type: 'row', collapsed: false, id: ++id, panels: [], title: row.title, gridPos: { x: 0, y: rowY, h: 1, w: GRID_WIDTH } });
    let x = 0;
    [y, lineHeight] = [rowY + 1, 0];
    for (const panel of row.panels) {
      panels.push({ ...panel, gridPos: { ...panel.gridPos, x, y }, id: ++id });
      x += panel.gridPos.w;
      lineHeight = Math.max(lineHeight, panel.gridPos.h);
      if (x >= GRID_WIDTH) [x, y, lineHeight] = [0, y + lineHeight, 0];
    }
  }
  return {
    timezone: 'browser',
    editable: false,
    graphTooltip: 0,
    fiscalYearStartMonth: 0,
    schemaVersion: 42,
    templating: { list: variables },
    annotations: {},
    ...head,
    panels,
  };
}
