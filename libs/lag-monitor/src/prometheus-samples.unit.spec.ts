import { describe, expect, it } from 'vitest';
import { LAG_METRICS, toPrometheusSamples, type PrometheusSample } from './prometheus-samples';
import { sampleReport } from './testing/sample-report';

const samples = toPrometheusSamples(sampleReport);
const named = (name: string) => samples.filter((s) => s.name === name);
const valueOf = (name: string, labels: Record<string, string>) =>
  samples.find((s: PrometheusSample) => s.name === name && JSON.stringify(s.labels) === JSON.stringify(labels))?.value;

describe('toPrometheusSamples', () => {
  it('exports lag and lag seconds per partition with group, topic and partition labels', () => {
    const labels = { group: 'projection-service', topic: 'zendesk.activity.v1', partition: '1' };
    expect(valueOf(LAG_METRICS.lag, labels)).toBe(1250);
    expect(valueOf(LAG_METRICS.lagSeconds, labels)).toBe(612.25);
    expect(named(LAG_METRICS.lag)).toHaveLength(3);
    expect(named(LAG_METRICS.lagSeconds)).toHaveLength(3);
  });

  it('exports the sum, max lag and max lag seconds per group', () => {
    expect(named(LAG_METRICS.groupLag).map((s) => [s.labels, s.value])).toEqual([
      [{ group: 'projection-service' }, 1250],
      [{ group: 'audit' }, 0],
    ]);
    expect(valueOf(LAG_METRICS.groupMaxLag, { group: 'projection-service' })).toBe(1250);
    expect(valueOf(LAG_METRICS.groupMaxLagSeconds, { group: 'projection-service' })).toBe(612.25);
  });

  it('sets the current partition status to 1 and every other status to 0', () => {
    const stopped = named(LAG_METRICS.status).filter((s) => s.labels['partition'] === '1');
    expect(Object.fromEntries(stopped.map((s) => [s.labels['status'], s.value]))).toEqual({
      OK: 0,
      WARN: 0,
      STOP: 1,
      STALL: 0,
      REWIND: 0,
    });
    expect(named(LAG_METRICS.status)).toHaveLength(3 * 5);
    expect(named(LAG_METRICS.status).filter((s) => s.value === 1)).toHaveLength(3);
  });

  it('sets the current group status to 1 and every other status to 0', () => {
    const groupStatus = named(LAG_METRICS.groupStatus).map((s) => [s.labels['group'], s.labels['status'], s.value]);
    expect(groupStatus).toEqual([
      ['projection-service', 'OK', 0],
      ['projection-service', 'WARN', 0],
      ['projection-service', 'ERR', 1],
      ['audit', 'OK', 1],
      ['audit', 'WARN', 0],
      ['audit', 'ERR', 0],
    ]);
  });

  it('emits nothing for an empty report', () => {
    expect(toPrometheusSamples({ evaluatedAt: sampleReport.evaluatedAt, groups: [] })).toEqual([]);
  });
});
