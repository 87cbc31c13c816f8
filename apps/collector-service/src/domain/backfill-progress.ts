/** Share (0–1) of a backfill window covered once the walk has reached `coveredUntil`. */
export function coveredRatio(window: { from: number; to: number }, coveredUntil: number): number {
  const span = window.to - window.from;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (coveredUntil - window.from) / span));
}

/** Epoch seconds as the ISO instant events carry. */
export const isoOfSeconds = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');

export const isoOfMs = (ms: number): string => new Date(ms).toISOString();

export interface EstimateInput {
  readonly window: { readonly from: number; readonly to: number };
  /** Epoch seconds the audit walk has covered up to. */
  readonly coveredUntil: number;
  /** Audit pages fetched so far by the backfill. */
  readonly auditPages: number;
  readonly auditDone: boolean;
  readonly usersDone: boolean;
  readonly nowMs: number;
  /** What the backfill can spend: the budget, or the account's limit when lower. */
  readonly requestsPerMinute: number;
}

export interface BackfillEstimate {
  readonly ratio: number;
  /** Null until the covered share says how many pages the rest will take. */
  readonly estimatedCompletionMs: number | null;
}

/**
 * Zendesk tells no count of audit entries, so the pages still to come are extrapolated from the
 * pages the covered share took; at the budget, each is one request (plus one for users while they
 * are not done): the same bound the backfill is measured against, so the ETA cannot be optimistic
 * by more than the density of the part not read yet.
 */
export function estimateBackfill(input: EstimateInput): BackfillEstimate {
  const ratio = input.auditDone ? 1 : coveredRatio(input.window, input.coveredUntil);
  if (ratio >= 1 && input.usersDone) return { ratio: 1, estimatedCompletionMs: input.nowMs };
  if (ratio <= 0 || !(input.requestsPerMinute > 0)) return { ratio, estimatedCompletionMs: null };
  const auditLeft = Math.ceil((input.auditPages * (1 - ratio)) / ratio);
  const left = auditLeft + (input.usersDone ? 0 : 1);
  return { ratio, estimatedCompletionMs: input.nowMs + Math.round((left / input.requestsPerMinute) * 60_000) };
}
