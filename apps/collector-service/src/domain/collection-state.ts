import { FIRST_SEQUENCE } from '@zc/contracts';
import { healthyState, type HealthState } from './capability-health';
import { initialCursor, type AuditCursor } from './audit-cursor';

/** The fenced checkpoint of one connector's collection; written after publishing, never before. */
export interface CollectionState {
  /** The connector generation this state belongs to; a newer one starts a fresh backfill. */
  readonly generation: number;
  readonly backfill: {
    /**
     * Epoch seconds, inclusive: authorizedAt − BACKFILL_DAYS .. the second before authorizedAt. The
     * live tail (`audit`) starts at authorizedAt's second, so the two never overlap nor leave a gap.
     */
    readonly from: number;
    readonly to: number;
    readonly usersDone: boolean;
    readonly auditDone: boolean;
    readonly completed: boolean;
    /**
     * The backfill's own walk over [from, to], beside the live tail. Absent in checkpoints written
     * before the two ran side by side: there `audit` walks from `from` and finishes the backfill.
     */
    readonly audit?: BackfillCursor;
  };
  readonly users: {
    readonly fetched: number;
    /** Incremental export position (from start_time 0: the backfill, then every change). */
    readonly incrementalCursor: string | null;
  };
  /** The live tail: from authorizedAt on, polled every POLL_INTERVAL from the start. */
  readonly audit: AuditCursor & { readonly fetched: number };
  /** Next sequence per stream the collector owns: gap-free, advanced with each checkpoint. */
  readonly sequences: { readonly activities: number; readonly users: number; readonly collection: number };
  readonly health: HealthState;
  readonly recollection: RecollectionProgress | null;
  readonly recollectionsDone: readonly string[];
}

export type BackfillCursor = AuditCursor & {
  readonly fetched: number;
  readonly pages: number;
  /** The rate the walk last counted on (the budget, or the account's limit when lower), for ETAs. */
  readonly ratePerMinute?: number;
};

export interface RecollectionProgress {
  readonly requestId: string;
  /** Epoch seconds, inclusive. */
  readonly from: number;
  readonly to: number;
  readonly cursor: AuditCursor;
  readonly fetched: number;
}

export interface StartInput {
  readonly generation: number;
  readonly authorizedAtMs: number;
  readonly backfillDays: number;
  /** Sequences continue across generations: the streams stay gap-free for subscribers. */
  readonly previous: CollectionState | null;
}

/** A fresh collection for an authorization: the backfill before it, the live tail from it. */
export function startCollection(input: StartInput): CollectionState {
  const connectedSecond = Math.floor(input.authorizedAtMs / 1000);
  const from = connectedSecond - input.backfillDays * 86_400;
  const to = connectedSecond - 1;
  return {
    generation: input.generation,
    backfill: {
      from,
      to,
      usersDone: false,
      auditDone: false,
      completed: false,
      audit: { ...initialCursor(from), fetched: 0, pages: 0 },
    },
    users: { fetched: 0, incrementalCursor: null },
    audit: { ...initialCursor(connectedSecond), fetched: 0 },
    sequences: input.previous?.sequences ?? {
      activities: FIRST_SEQUENCE,
      users: FIRST_SEQUENCE,
      collection: FIRST_SEQUENCE,
    },
    health: input.previous?.health ?? healthyState(),
    recollection: null,
    recollectionsDone: input.previous?.recollectionsDone ?? [],
  };
}

/**
 * Where the live tail may read from. While the backfill walks, from the connection on; once it is
 * done its re-scan may reach back across the seam, because the backfill's recent ids were handed
 * over (`handOverSeam`), so late arrivals before the connection are still caught once, not twice.
 */
export function liveFloor(state: CollectionState): number {
  const { backfill } = state;
  return backfill.audit === undefined || backfill.auditDone ? backfill.from : backfill.to + 1;
}

/** Activities published by the backfill (either form of checkpoint). */
export const backfillActivities = (state: CollectionState): number =>
  state.backfill.audit?.fetched ?? state.audit.fetched;
