import { describe, expect, it } from 'vitest';
import { metricNames } from './promql.js';

describe('metricNames', () => {
  it('finds the selected metric, not functions, aggregations or grouping labels', () => {
    expect(metricNames('histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{path="/predict"}[5m])))')).toEqual([
      'http_request_duration_seconds_bucket',
    ]);
    expect(metricNames('sum(rate(a_total[5m])) without (instance, pod) / ignoring(status) group_left sum(b_total)')).toEqual(['a_total', 'b_total']);
  });

  it('ignores label names and values inside matchers, even with braces and quotes in values', () => {
    expect(metricNames('m{path="/p}red\\"ict", method!~\'GET|POST\', status=~`5..`}')).toEqual(['m']);
  });

  it('reads metric names given with __name__ or the quoted form', () => {
    expect(metricNames('{__name__="up", job="x"} + {"model_info"}')).toEqual(['up', 'model_info']);
  });

  it('skips numbers, durations, keywords and Grafana variables', () => {
    expect(metricNames('rate(x[$__rate_interval]) offset 1h > bool 1e-3 and on() vector(0x1F) or y @ start() unless Inf')).toEqual(['x', 'y']);
    expect(metricNames('increase(z{pod=~"${pod:regex}"}[$__range]) * $scale')).toEqual(['z']);
  });

  it('treats a metric named like a keyword in a label list correctly after an aggregation', () => {
    expect(metricNames('max by (feature) (feature_drift_psi) > 0.1 <= 0.25')).toEqual(['feature_drift_psi']);
    expect(metricNames('count_values("version", model_info)')).toEqual(['model_info']);
  });

  it('rejects malformed expressions instead of guessing', () => {
    expect(() => metricNames('m{path="/predict}')).toThrow(/unterminated string/);
    expect(() => metricNames('rate(m[5m)')).toThrow(/unbalanced/);
  });
});
