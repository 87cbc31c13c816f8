import { estimateBackfill } from './backfill-progress';
import { liveFloor, type CollectionState } from './collection-state';

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** How far the backfill's own walk has got (epoch seconds), in either form of checkpoint. */
const backfillAt = (state: CollectionState): number =>
  Math.min(state.backfill.audit?.at ?? state.audit.at, state.backfill.to + 1);

/**
 * Covered without a gap from the backfill's start: the live tail's position counts only once the
 * backfill before it is done (before that, the live tail runs ahead of a hole the backfill fills).
 */
export const contiguousUntil = (state: CollectionState): number =>
  liveFloor(state) === state.backfill.from ? state.audit.at : backfillAt(state);

/**
 * The backfill's position, share of the window and ETA for the state view: at the rate the walk
 * last counted on (the account's limit when below the budget), else at the connector's budget.
 */
export function backfillEstimateView(state: CollectionState, budgetPerMinute: number | null, nowMs: number) {
  const estimate = estimateBackfill({
    window: state.backfill,
    coveredUntil: backfillAt(state),
    auditPages: state.backfill.audit?.pages ?? 0,
    auditDone: state.backfill.auditDone,
    usersDone: state.backfill.usersDone,
    nowMs,
    requestsPerMinute: state.backfill.audit?.ratePerMinute ?? budgetPerMinute ?? 0,
  });
  const done = state.backfill.completed;
  return {
    auditLogsAt: iso(backfillAt(state)),
    ratio: done ? 1 : estimate.ratio,
    estimatedCompletionAt:
      done || estimate.estimatedCompletionMs === null ? null : new Date(estimate.estimatedCompletionMs).toISOString(),
  };
}
