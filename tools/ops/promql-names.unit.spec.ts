import { describe, expect, it } from 'vitest';
import { contractNames, inContract, metricNamesIn } from './promql-names';

describe('metricNamesIn', () => {
  it('finds metric names and skips functions, label lists, strings and durations', () => {
    const expr = `sum by (connector_id) (rate(zc_zendesk_requests_total{status="429"}[10m]))
      / on (connector_id) group_left() max by (le) (foo_seconds_bucket{a=~"x.+"}) > 0.05 and time() - up offset 5m`;
    expect([...metricNamesIn(expr)].sort()).toEqual(['foo_seconds_bucket', 'up', 'zc_zendesk_requests_total']);
  });

  it('ignores Grafana variables', () => {
    expect([...metricNamesIn('rate(x_total[$__rate_interval])')]).toEqual(['x_total']);
  });
});

describe('contract', () => {
  it('reads names from the first table column and covers histogram series', () => {
    const names = contractNames('| name | type |\n|---|---|\n| `a_seconds` | histogram |\n| `b_total` | counter |\n');
    expect([...names]).toEqual(['a_seconds', 'b_total']);
    expect(inContract('a_seconds_bucket', names)).toBe(true);
    expect(inContract('b_total_bucket', names)).toBe(true);
    expect(inContract('c', names)).toBe(false);
  });
});
