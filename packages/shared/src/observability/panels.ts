/**
 * Panel factories for the project dashboards: every panel queries the dashboard's Prometheus datasource
 * variable, so the same JSON imports into any Grafana whatever its datasource is called.
 */
import type { Panel, PrometheusTarget, ThresholdStep } from './grafana.js';

/** Name of the dashboard variable holding the Prometheus datasource. */
export const DATASOURCE_VARIABLE = 'datasource';
/** The datasource every panel and query variable uses: the dashboard's variable. */
export const DATASOURCE = { type: 'prometheus', uid: `\${${DATASOURCE_VARIABLE}}` };

/** One PromQL query of a panel and how its series are named. */
export interface Query {
  expr: string;
  legend: string;
}

/** A value from which a panel turns yellow (warning) or red (critical). */
export interface Thresholds {
  warning?: number;
  critical?: number;
}

interface PanelSpec {
  title: string;
  description: string;
  queries: Query[];
  /** Grafana unit id such as `s`, `reqps` or `percentunit`. */
  unit: string;
  thresholds?: Thresholds;
  /** Grid width out of 24. */
  width?: number;
}

function targets(queries: Query[], extra: Partial<PrometheusTarget> = {}): PrometheusTarget[] {
  return queries.map(({ expr, legend }, index) => ({ expr, refId: String.fromCharCode(65 + index), legendFormat: legend, ...extra }));
}

function thresholdSteps({ warning, critical }: Thresholds = {}): { mode: 'absolute'; steps: ThresholdStep[] } {
  const steps: ThresholdStep[] = [{ value: null, color: 'green' }];
  if (warning !== undefined) steps.push({ value: warning, color: 'yellow' });
  if (critical !== undefined) steps.push({ value: critical, color: 'red' });
  return { mode: 'absolute', steps };
}

/** What every panel kind starts with, in the key order Grafana's SDK wrote it. */
const panelHead = (type: Panel['type'], options: Record<string, unknown>) => ({ type, transparent: false, repeatDirection: 'h' as const, options });
const queried = (spec: PanelSpec, extra?: Partial<PrometheusTarget>) => ({ title: spec.title, description: spec.description, datasource: DATASOURCE, targets: targets(spec.queries, extra) });
const lastValue = () => ({ calcs: ['lastNotNull'], values: false });

/** A time series panel; thresholds are drawn as dashed lines so the objective is visible on the graph. */
export function timeseriesPanel(spec: PanelSpec & { stacked?: boolean }): Panel {
  const custom = {
    ...(spec.thresholds ? { thresholdsStyle: { mode: 'dashed' } } : {}),
    ...(spec.stacked ? { stacking: { mode: 'normal' }, fillOpacity: 40 } : {}),
  };
  return {
    ...panelHead('timeseries', { legend: { displayMode: 'list', placement: 'bottom', showLegend: true, calcs: [] }, tooltip: { mode: 'single', sort: 'asc' } }),
    fieldConfig: { defaults: { custom, unit: spec.unit, thresholds: thresholdSteps(spec.thresholds) }, overrides: [] },
    ...queried(spec),
    gridPos: { h: 8, w: spec.width ?? 12, x: 0, y: 0 },
  };
}

/** A single-value panel showing the last value, or with `showName` the series name (a version, say). */
export function statPanel(spec: PanelSpec & { showName?: boolean }): Panel {
  return {
    ...panelHead('stat', {
      graphMode: 'area',
      colorMode: 'value',
      justifyMode: 'auto',
      textMode: spec.showName ? 'name' : 'value',
      wideLayout: true,
      showPercentChange: false,
      reduceOptions: lastValue(),
      percentChangeColorMode: 'standard',
      orientation: 'auto',
    }),
    ...queried(spec),
    fieldConfig: { defaults: { unit: spec.unit, thresholds: thresholdSteps(spec.thresholds) }, overrides: [] },
    gridPos: { h: 8, w: spec.width ?? 6, x: 0, y: 0 },
  };
}

function bargaugePanel(spec: PanelSpec & { range?: { min: number; max: number } }, format?: 'heatmap'): Panel {
  return {
    ...panelHead('bargauge', {
      displayMode: 'gradient',
      valueMode: 'color',
      namePlacement: 'auto',
      showUnfilled: true,
      sizing: 'auto',
      minVizWidth: 8,
      minVizHeight: 16,
      legend: { displayMode: 'list', placement: 'bottom', showLegend: false, calcs: [] },
      reduceOptions: lastValue(),
      maxVizHeight: 300,
      orientation: 'auto',
    }),
    ...queried(spec, { ...(format ? { format } : {}), instant: true, range: false }),
    fieldConfig: { defaults: { unit: spec.unit, thresholds: thresholdSteps(spec.thresholds), ...(spec.range ? { min: spec.range.min, max: spec.range.max } : {}) }, overrides: [] },
    gridPos: { h: 8, w: spec.width ?? 12, x: 0, y: 0 },
  };
}

/** A histogram from cumulative `le` buckets: Grafana's heatmap format turns them into per-bucket counts. */
export const bucketPanel = (spec: PanelSpec): Panel => bargaugePanel(spec, 'heatmap');

/** One bar per series at the end of the time range (a score per project, say), optionally on a fixed scale. */
export const barPanel = (spec: PanelSpec & { range?: { min: number; max: number } }): Panel => bargaugePanel(spec);
