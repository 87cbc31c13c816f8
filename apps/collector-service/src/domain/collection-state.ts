import { healthyState, type HealthState } from './capability-health';
import { initialCursor, type AuditCursor } from './audit-cursor';

/** The fenced checkpoint of one connector's collection; written after publishing, never before. */
export interface CollectionState {
  /** The connector generation this state belongs to; a newer one starts a fresh backfill. */
  readonly generation: number;
  readonly backfill: {
    /** Epoch seconds, inclusive: authorizedAt − BACKFILL_DAYS .. the end bound at the start. */
    readonly from: number;
    readonly to: number;
    readonly usersDone: boolean;
    readonly auditDone: boolean;
    readonly completed: boolean;
  };
  readonly users: {
    readonly fetched: number;
    /** Incremental export position (from start_time 0: the backfill, then every change). */
    readonly incrementalCursor: string | null;
  };
  readonly audit: AuditCursor & { readonly fetched: number };
  /** Next sequence per stream the collector owns: gap-free, advanced with each checkpoint. */
  readonly sequences: { readonly activities: number; readonly users: number; readonly collection: number };
  readonly health: HealthState;
  readonly recollection: RecollectionProgress | null;
  readonly recollectionsDone: readonly string[];
}

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
  readonly nowMs: number;
  readonly backfillDays: number;
  readonly endLagMs: number;
  /** Sequences continue across generations: the streams stay gap-free for subscribers. */
  readonly previous: CollectionState | null;
}

/** A fresh collection for an authorization: 7 days before it, up to now − END_LAG. */
export function startCollection(input: StartInput): CollectionState {
  const from = Math.floor(input.authorizedAtMs / 1000) - input.backfillDays * 86_400;
  const to = Math.max(from, Math.floor((input.nowMs - input.endLagMs) / 1000));
  return {
    generation: input.generation,
    backfill: { from, to, usersDone: false, auditDone: false, completed: false },
    users: { fetched: 0, incrementalCursor: null },
    audit: { ...initialCursor(from), fetched: 0 },
    sequences: input.previous?.sequences ?? { activities: 0, users: 0, collection: 0 },
    health: input.previous?.health ?? healthyState(),
    recollection: null,
    recollectionsDone: input.previous?.recollectionsDone ?? [],
  };
}
