import { describe, expect, it } from 'vitest';
import { formatLagTable } from './format-lag-table';
import { evaluatedAt, sampleReport } from './testing/sample-report';

describe('formatLagTable', () => {
  it('renders aligned columns, each group followed by its rollup row', () => {
    expect(formatLagTable(sampleReport)).toBe(
      [
        'GROUP               TOPIC                PARTITION  COMMITTED      END   LAG  LAG S  STATUS',
        'projection-service  zendesk.activity.v1          0    1000000  1000000     0    0.0  OK',
        'projection-service  zendesk.activity.v1          1        750     2000  1250  612.3  STOP',
        'projection-service  (group)                                             1250  612.3  ERR (window 50% full)',
        'audit               idle                         0          -        0     0    0.0  OK',
        'audit               (group)                                                0    0.0  OK',
        `evaluated at ${evaluatedAt}`,
        '',
      ].join('\n'),
    );
  });

  it('says so when there is no group to show', () => {
    expect(formatLagTable({ evaluatedAt, groups: [] })).toBe(
      [
        'GROUP  TOPIC  PARTITION  COMMITTED  END  LAG  LAG S  STATUS',
        '(no consumer groups)',
        `evaluated at ${evaluatedAt}`,
        '',
      ].join('\n'),
    );
  });
});
