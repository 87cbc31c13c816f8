/** The collection settings a worker runs with (from config; tests shrink them). */
export interface WorkerSettings {
  readonly backfillDays: number;
  readonly endLagMs: number;
  readonly pollIntervalMs: number;
  readonly rescanWindowMs: number;
  readonly roleCheckIntervalMs: number;
  readonly capabilityRetryMs: number;
  readonly leaseTtlMs: number;
  readonly budgetWindowMs: number;
  readonly incrementalPerMinute: number;
  readonly inactivityThresholdMs: number;
  /** Failures in a row before throttling or upstream errors are reported. */
  readonly persistAfter: number;
  /** Pages between BackfillProgressed events. */
  readonly progressEveryPages: number;
}
