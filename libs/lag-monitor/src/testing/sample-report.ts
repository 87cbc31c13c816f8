import type { LagReport } from '../lag-report';

export const evaluatedAt = '2026-03-01T12:00:00.000Z';

/** Two groups: one with a stopped partition and a half-full window, one idle and never committed. */
export const sampleReport: LagReport = {
  evaluatedAt,
  groups: [
    {
      group: 'projection-service',
      status: 'ERR',
      totalLag: 1250,
      maxLag: 1250,
      maxLagSeconds: 612.25,
      complete: 0.5,
      evaluatedAt,
      partitions: [
        {
          topic: 'zendesk.activity.v1',
          partition: 0,
          committedOffset: 1_000_000,
          highWatermark: 1_000_000,
          lag: 0,
          lagSeconds: 0,
          status: 'OK',
          complete: 1,
        },
        {
          topic: 'zendesk.activity.v1',
          partition: 1,
          committedOffset: 750,
          highWatermark: 2000,
          lag: 1250,
          lagSeconds: 612.25,
          status: 'STOP',
          complete: 0.3,
        },
      ],
    },
    {
      group: 'audit',
      status: 'OK',
      totalLag: 0,
      maxLag: 0,
      maxLagSeconds: 0,
      complete: 1,
      evaluatedAt,
      partitions: [
        {
          topic: 'idle',
          partition: 0,
          committedOffset: -1,
          highWatermark: 0,
          lag: 0,
          lagSeconds: 0,
          status: 'OK',
          complete: 1,
        },
      ],
    },
  ],
};
