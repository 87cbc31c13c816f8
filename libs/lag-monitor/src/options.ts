import { z } from 'zod';

/** Milliseconds on the poller's timeline; injected so the evaluator never reads the wall clock itself. */
export type Clock = () => number;

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

export const LagWindowOptions = z.object({
  /**
   * Commits kept per partition: Burrow's `storage.intervals`. The window moves with commits, not with
   * polls, so a fast poller does not shrink it (10 commits at 60 s make a 10-minute window).
   */
  intervals: z.int().min(2).default(10),
  /** Polled samples kept per partition for lag-in-seconds (kafka-lag-exporter keeps 60). */
  maxSamples: z.int().min(2).default(60),
  /**
   * A partition the poller stops reporting (group deleted, offsets expired by Kafka) is still reported
   * for this long, so a vanished group does not silently drop off dashboards. Burrow's `expire-group`.
   */
  expireGroupMs: z.number().positive().default(SEVEN_DAYS_MS),
  /** Burrow's `allowed-lag`: a current lag at or below it is OK without looking at the window. */
  allowedLag: z.int().min(0).default(0),
});
export type LagWindowOptionsInput = z.input<typeof LagWindowOptions>;
export type LagWindowOptions = z.output<typeof LagWindowOptions>;

export const parseLagWindowOptions = (input: LagWindowOptionsInput = {}): LagWindowOptions =>
  LagWindowOptions.parse(input);
