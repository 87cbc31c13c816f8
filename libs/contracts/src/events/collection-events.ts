import { z } from 'zod';
import { defineEvent, type EventOf } from '../envelope';
import { IsoDateTime, TimeWindow, ZendeskId } from '../primitives';

/** What the collector fetches; `token` stands for the connector's OAuth token as a whole. */
export const Capability = z.enum(['users', 'audit_logs', 'token']);
export type Capability = z.infer<typeof Capability>;

/** The capabilities that produce data, and so have progress and coverage. */
export const CollectedResource = z.enum(['users', 'audit_logs']);
export type CollectedResource = z.infer<typeof CollectedResource>;

export const CapabilityFailureCode = z.enum([
  'TOKEN_INVALID',
  'ADMIN_DEMOTED',
  'PLAN_NOT_SUPPORTED',
  'RATE_LIMITED',
  'UPSTREAM_ERROR',
]);
export type CapabilityFailureCode = z.infer<typeof CapabilityFailureCode>;

export const CollectionStarted = defineEvent(
  'CollectionStarted',
  1,
  z.object({
    trigger: z.enum(['authorized', 'recollection']),
    /** For the first collection, the 7 days before the connection (design §1.4). */
    backfillWindow: TimeWindow,
  }),
);
export type CollectionStarted = EventOf<typeof CollectionStarted>;

export const BackfillProgressed = defineEvent(
  'BackfillProgressed',
  1,
  z.object({
    resource: CollectedResource,
    itemsFetched: z.int().nonnegative(),
    /** How far the backfill has got in time; null while nothing with a timestamp has been fetched. */
    coveredUntil: IsoDateTime.nullable(),
    /** Share (0–1) of the backfill window covered; absent from writers that predate it. */
    ratio: z.number().min(0).max(1).optional(),
    /** When the backfill should end at the connector's budget; null while it cannot be told yet. */
    estimatedCompletionAt: IsoDateTime.nullable().optional(),
  }),
);
export type BackfillProgressed = EventOf<typeof BackfillProgressed>;

export const BackfillCompleted = defineEvent(
  'BackfillCompleted',
  1,
  z.object({
    backfillWindow: TimeWindow,
    userCount: z.int().nonnegative(),
    activityCount: z.int().nonnegative(),
  }),
);
export type BackfillCompleted = EventOf<typeof BackfillCompleted>;

export const CapabilityFailed = defineEvent(
  'CapabilityFailed',
  1,
  z.object({
    capability: Capability,
    code: CapabilityFailureCode,
    message: z.string().min(1),
    /** When the collector will try again by itself; null when it needs an admin (e.g. re-authorize). */
    retryAt: IsoDateTime.nullable(),
  }),
);
export type CapabilityFailed = EventOf<typeof CapabilityFailed>;

export const CapabilityRecovered = defineEvent(
  'CapabilityRecovered',
  1,
  /** `code` is the failure that cleared, so status history reads without looking back. */
  z.object({ capability: Capability, code: CapabilityFailureCode }),
);
export type CapabilityRecovered = EventOf<typeof CapabilityRecovered>;

/** The proof behind "no gaps": this window was read completely; ids bound what was seen in it. */
export const CoverageRecorded = defineEvent(
  'CoverageRecorded',
  1,
  z.object({
    resource: CollectedResource,
    window: TimeWindow,
    count: z.int().nonnegative(),
    firstId: ZendeskId.nullable(),
    lastId: ZendeskId.nullable(),
  }),
);
export type CoverageRecorded = EventOf<typeof CoverageRecorded>;

/** How much of the connector's Zendesk budget the collector spent: requests granted in its last window. */
export const BudgetUse = z.object({
  requestsInWindow: z.int().nonnegative(),
  /** The connector's limit per window (its rate limit per minute for a 60 s window). */
  limitPerWindow: z.int().positive(),
  windowMs: z.int().positive(),
});
export type BudgetUse = z.infer<typeof BudgetUse>;

/**
 * The cadence a collector runs at unless configured otherwise (its POLL_INTERVAL and LEASE_TTL defaults).
 * Until a connector's owner has announced its own, the projection judges silence against this one, so
 * a collector that dies before its first heartbeat still shows as stalled.
 */
export const DEFAULT_COLLECTOR_CADENCE = { pollIntervalMs: 60_000, leaseTtlMs: 30_000 } as const;

/**
 * The owning collector's sign of life, as each lease term begins and then once per poll interval. It carries
 * the cadence the projection needs to tell a quiet account from a silent collector (no progress for
 * 2 × poll interval + lease TTL), and the budget use the console shows.
 */
export const CollectionHeartbeat = defineEvent(
  'CollectionHeartbeat',
  1,
  z.object({
    instanceId: z.string().min(1),
    pollIntervalMs: z.int().positive(),
    leaseTtlMs: z.int().positive(),
    /** Absent from writers that predate it; readers treat it as unknown. */
    budget: BudgetUse.optional(),
  }),
);
export type CollectionHeartbeat = EventOf<typeof CollectionHeartbeat>;

export const collectionEventDefinitions = [
  CollectionStarted,
  BackfillProgressed,
  BackfillCompleted,
  CapabilityFailed,
  CapabilityRecovered,
  CoverageRecorded,
  CollectionHeartbeat,
] as const;

export const CollectionEvent = z.discriminatedUnion('type', [
  CollectionStarted.schema,
  BackfillProgressed.schema,
  BackfillCompleted.schema,
  CapabilityFailed.schema,
  CapabilityRecovered.schema,
  CoverageRecorded.schema,
  CollectionHeartbeat.schema,
]);
export type CollectionEvent = z.infer<typeof CollectionEvent>;
