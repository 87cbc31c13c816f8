import { NO_SEQUENCE, type BudgetUse, type Capability, type CollectionEvent, type TimeWindow } from '@zc/contracts';
import { later, utc } from './time';

export interface CapabilityHealth {
  state: 'unknown' | 'ok' | 'failing';
  code: string | null;
  message: string | null;
  /** When the current state began (the failure or recovery event's time). */
  since: string | null;
  retryAt: string | null;
}

export interface ResourceProgress {
  itemsFetched: number;
  coveredUntil: string | null;
  /** The collector's own share of the window covered (it knows the request bound); null from older writers. */
  reportedRatio: number | null;
  /** When the collector expects the backfill to end at the connector's budget; null while it cannot tell. */
  estimatedCompletionAt: string | null;
}

/** The last collection event that shows the owning collector at work (anything but a failure). */
export interface ProgressMark {
  at: string;
  eventId: string;
  sequence: number;
}

/** The cadence the owning collector announced in its last heartbeat: what "silent for too long" means. */
export interface CollectorCadence {
  instanceId: string;
  pollIntervalMs: number;
  leaseTtlMs: number;
  at: string;
  /** The budget use that heartbeat reported; null from older collectors, absent in documents stored before. */
  budget?: BudgetUse | null;
}

/** What the collection stream (`collection.events`) says about a connector. */
export interface CollectionPart {
  /** Last applied sequence of the collection stream; NO_SEQUENCE before any. */
  position: number;
  startedAt: string | null;
  trigger: string | null;
  backfill: {
    window: TimeWindow | null;
    users: ResourceProgress;
    audit_logs: ResourceProgress;
    completedAt: string | null;
    userCount: number | null;
    activityCount: number | null;
  };
  capabilities: Record<Capability, CapabilityHealth>;
  lastSuccessfulPollAt: string | null;
  lastProgress: ProgressMark | null;
  cadence: CollectorCadence | null;
}

const unknownHealth = (): CapabilityHealth => ({
  state: 'unknown',
  code: null,
  message: null,
  since: null,
  retryAt: null,
});
const noProgress = (): ResourceProgress => ({
  itemsFetched: 0,
  coveredUntil: null,
  reportedRatio: null,
  estimatedCompletionAt: null,
});

export const initialCollectionPart = (): CollectionPart => ({
  position: NO_SEQUENCE,
  startedAt: null,
  trigger: null,
  backfill: {
    window: null,
    users: noProgress(),
    audit_logs: noProgress(),
    completedAt: null,
    userCount: null,
    activityCount: null,
  },
  capabilities: { users: unknownHealth(), audit_logs: unknownHealth(), token: unknownHealth() },
  lastSuccessfulPollAt: null,
  lastProgress: null,
  cadence: null,
});

export function evolveCollectionPart(part: CollectionPart, event: CollectionEvent): CollectionPart {
  const evolved = evolveFacts(part, event);
  // A failure is news from a live collector but not progress: a connector failing forever is not "collecting".
  if (event.type === 'CapabilityFailed') return evolved;
  return { ...evolved, lastProgress: laterMark(part.lastProgress, event) };
}

function laterMark(mark: ProgressMark | null, event: CollectionEvent): ProgressMark {
  const at = utc(event.occurredAt);
  if (mark !== null && mark.at > at) return mark;
  return { at, eventId: event.eventId, sequence: event.sequence };
}

function evolveFacts(part: CollectionPart, event: CollectionEvent): CollectionPart {
  const at = utc(event.occurredAt);
  switch (event.type) {
    case 'CollectionStarted': {
      // A recollection keeps the first backfill's progress; only an authorization starts a new backfill.
      const fresh = event.data.trigger === 'authorized';
      return {
        ...part,
        startedAt: at,
        trigger: event.data.trigger,
        backfill: fresh ? { ...initialCollectionPart().backfill, window: event.data.backfillWindow } : part.backfill,
      };
    }
    case 'BackfillProgressed': {
      const previous = part.backfill[event.data.resource];
      const progress: ResourceProgress = {
        // Clamped rather than trusted: a restarted collector may report less than before.
        itemsFetched: Math.max(previous.itemsFetched, event.data.itemsFetched),
        coveredUntil: later(
          previous.coveredUntil,
          event.data.coveredUntil === null ? null : utc(event.data.coveredUntil),
        ),
        // Like the count, never backwards: a redelivered older report must not move the bar back.
        reportedRatio:
          event.data.ratio === undefined
            ? previous.reportedRatio
            : Math.max(previous.reportedRatio ?? 0, event.data.ratio),
        estimatedCompletionAt:
          event.data.estimatedCompletionAt === undefined || event.data.estimatedCompletionAt === null
            ? previous.estimatedCompletionAt
            : utc(event.data.estimatedCompletionAt),
      };
      // Pages were read, so the resource and the token work (users have no CoverageRecorded of their own).
      const capabilities = markWorking(markWorking(part.capabilities, event.data.resource, at), 'token', at);
      return { ...part, capabilities, backfill: { ...part.backfill, [event.data.resource]: progress } };
    }
    case 'BackfillCompleted':
      return {
        ...part,
        capabilities: (['users', 'audit_logs', 'token'] as const).reduce(
          (capabilities, capability) => markWorking(capabilities, capability, at),
          part.capabilities,
        ),
        backfill: {
          ...part.backfill,
          window: part.backfill.window ?? event.data.backfillWindow,
          completedAt: at,
          userCount: event.data.userCount,
          activityCount: event.data.activityCount,
        },
      };
    case 'CapabilityFailed':
      return withHealth(part, event.data.capability, {
        state: 'failing',
        code: event.data.code,
        message: event.data.message,
        since: at,
        retryAt: event.data.retryAt === null ? null : utc(event.data.retryAt),
      });
    case 'CapabilityRecovered':
      return withHealth(part, event.data.capability, {
        state: 'ok',
        code: null,
        message: null,
        since: at,
        retryAt: null,
      });
    case 'CoverageRecorded': {
      const capabilities = markWorking(markWorking(part.capabilities, event.data.resource, at), 'token', at);
      return { ...part, capabilities, lastSuccessfulPollAt: later(part.lastSuccessfulPollAt, at) };
    }
    case 'CollectionHeartbeat': {
      if (part.cadence !== null && part.cadence.at > at) return part;
      const { instanceId, pollIntervalMs, leaseTtlMs, budget } = event.data;
      return { ...part, cadence: { instanceId, pollIntervalMs, leaseTtlMs, at, budget: budget ?? null } };
    }
  }
}

function withHealth(part: CollectionPart, capability: Capability, health: CapabilityHealth): CollectionPart {
  return { ...part, capabilities: { ...part.capabilities, [capability]: health } };
}

/** A completed read proves the capability works; a failure is only cleared by an explicit recovery. */
function markWorking(capabilities: Record<Capability, CapabilityHealth>, capability: Capability, at: string) {
  const current = capabilities[capability];
  if (current.state !== 'unknown') return capabilities;
  return { ...capabilities, [capability]: { ...current, state: 'ok' as const, since: at } };
}
