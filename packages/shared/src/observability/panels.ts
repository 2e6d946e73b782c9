/**
 * Panel factories for the project dashboards: every panel queries the dashboard's Prometheus datasource
 * variable, so the same JSON imports into any Grafana whatever its datasource is called.
 */
import * as bargauge from '@grafana/grafana-foundation-sdk/bargauge';
import {
  BigValueTextMode,
  GraphThresholdsStyleConfigBuilder,
  GraphThresholdsStyleMode,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  StackingConfigBuilder,
  StackingMode,
  VizLegendOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import { ThresholdsConfigBuilder, ThresholdsMode, type Threshold } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';

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

function targets(queries: Query[], format?: PromQueryFormat): DataqueryBuilder[] {
  return queries.map(({ expr, legend }, index) => {
    const query = new DataqueryBuilder().refId(String.fromCharCode(65 + index)).expr(expr).legendFormat(legend);
    return format ? query.format(format) : query;
  });
}

function thresholdSteps({ warning, critical }: Thresholds = {}): ThresholdsConfigBuilder {
  const steps: Threshold[] = [{ value: null, color: 'green' }];
  if (warning !== undefined) steps.push({ value: warning, color: 'yellow' });
  if (critical !== undefined) steps.push({ value: critical, color: 'red' });
  return new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(steps);
}

/** A time series panel; thresholds are drawn as dashed lines so the objective is visible on the graph. */
export function timeseriesPanel(spec: PanelSpec & { stacked?: boolean }): timeseries.PanelBuilder {
  const panel = new timeseries.PanelBuilder()
    .title(spec.title)
    .description(spec.description)
    .datasource(DATASOURCE)
    .targets(targets(spec.queries))
    .unit(spec.unit)
    .span(spec.width ?? 12)
    .height(8)
    .legend(new VizLegendOptionsBuilder().showLegend(true).displayMode(LegendDisplayMode.List).placement(LegendPlacement.Bottom))
    .thresholds(thresholdSteps(spec.thresholds));
  if (spec.thresholds) panel.thresholdsStyle(new GraphThresholdsStyleConfigBuilder().mode(GraphThresholdsStyleMode.Dashed));
  if (spec.stacked) panel.stacking(new StackingConfigBuilder().mode(StackingMode.Normal)).fillOpacity(40);
  return panel;
}

/** A single-value panel showing the last value, or with `showName` the series name (a version, say). */
export function statPanel(spec: PanelSpec & { showName?: boolean }): stat.PanelBuilder {
  return new stat.PanelBuilder()
    .title(spec.title)
    .description(spec.description)
    .datasource(DATASOURCE)
    .targets(targets(spec.queries))
    .unit(spec.unit)
    .span(spec.width ?? 6)
    .height(8)
    .thresholds(thresholdSteps(spec.thresholds))
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
    .textMode(spec.showName ? BigValueTextMode.Name : BigValueTextMode.Value);
}

function bargaugePanel(spec: PanelSpec & { range?: { min: number; max: number } }, format?: PromQueryFormat): bargauge.PanelBuilder {
  const panel = new bargauge.PanelBuilder()
    .title(spec.title)
    .description(spec.description)
    .datasource(DATASOURCE)
    .targets(targets(spec.queries, format).map((query) => query.instant()))
    .unit(spec.unit)
    .span(spec.width ?? 12)
    .height(8)
    .thresholds(thresholdSteps(spec.thresholds))
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false));
  return spec.range ? panel.min(spec.range.min).max(spec.range.max) : panel;
}

/** A histogram from cumulative `le` buckets: Grafana's heatmap format turns them into per-bucket counts. */
export const bucketPanel = (spec: PanelSpec): bargauge.PanelBuilder => bargaugePanel(spec, PromQueryFormat.Heatmap);

/** One bar per series at the end of the time range (a score per project, say), optionally on a fixed scale. */
export const barPanel = (spec: PanelSpec & { range?: { min: number; max: number } }): bargauge.PanelBuilder => bargaugePanel(spec);
