import { DEFAULT_COLLECTOR_CADENCE, type CollectionEvent } from '@zc/contracts';
import { describe, expect, it } from 'vitest';
import { connectorScenario } from '../testing/events';
import { seededRandom } from '../testing/seeded';
import { statusAt, STALL_CAUSE } from './status-clock';
import { effectiveHealth } from './status-presentation';
import { silenceBoundMs } from './status-staleness';
import {
  applyStatusEvent,
  applyStatusEvents,
  initialStatusView,
  type StatusEvent,
  type StatusView,
} from './status-view';

const START = Date.UTC(2024, 4, 1);
const MINUTE = 60_000;
const POLL_MS = 60_000;
const TTL_MS = 30_000;
const BOUND_MS = 2 * POLL_MS + TTL_MS;

/** A connector Connected at START + 13 min (its last event a CoverageRecorded), collected from then on. */
function connected(): { view: StatusView; last: CollectionEvent } {
  const { connector, collection } = connectorScenario('c1', 'acme', START, seededRandom(7));
  const early = (event: StatusEvent) => Date.parse(event.occurredAt) <= START + 13 * MINUTE;
  const events = [...connector, ...collection].filter(early);
  events.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  const last = collection.filter(early).at(-1);
  if (!last) throw new Error('scenario without collection events');
  const heartbeat = collectionEvent(last, 'CollectionHeartbeat', START + 13 * MINUTE, {
    instanceId: 'collector-a',
    pollIntervalMs: POLL_MS,
    leaseTtlMs: TTL_MS,
  });
  const { view } = applyStatusEvents(initialStatusView('c1'), [...events, heartbeat]);
  return { view, last: heartbeat };
}

let counter = 0;
function collectionEvent(after: CollectionEvent, type: CollectionEvent['type'], atMs: number, data: unknown) {
  counter += 1;
  return {
    ...after,
    type,
    eventId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    sequence: after.sequence + 1,
    occurredAt: new Date(atMs).toISOString(),
    data,
  } as CollectionEvent;
}

const coverage = (after: CollectionEvent, atMs: number) =>
  collectionEvent(after, 'CoverageRecorded', atMs, {
    resource: 'audit_logs',
    window: { from: new Date(atMs - POLL_MS).toISOString(), to: new Date(atMs).toISOString() },
    count: 0,
    firstId: null,
    lastId: null,
  });

describe('a silent collector', () => {
  it('is judged against the cadence its owner announced: 2 × poll interval + lease TTL', () => {
    const { view } = connected();
    expect(view.status).toBe('Connected');
    expect(silenceBoundMs(view.collection)).toBe(BOUND_MS);
  });

  it('stays Connected up to the bound and is COLLECTION_STALLED just past it, since the missed deadline', () => {
    const { view } = connected();
    const lastAt = Date.parse(view.collection.lastProgress?.at ?? '');
    expect(statusAt(view, new Date(lastAt + BOUND_MS)).view.status).toBe('Connected');
    const { view: stalled, transition } = statusAt(view, new Date(lastAt + BOUND_MS + 1));
    expect(stalled).toMatchObject({ status: 'Degraded', reason: 'COLLECTION_STALLED' });
    expect(stalled.message).toMatch(/no collector has reported progress/);
    expect(transition).toMatchObject({
      from: 'Connected',
      to: 'Degraded',
      reason: 'COLLECTION_STALLED',
      at: new Date(lastAt + BOUND_MS).toISOString(),
      cause: { eventType: STALL_CAUSE, stream: 'collection' },
    });
  });

  it('derives the same stall (and history id) whenever and wherever it is evaluated', () => {
    const { view } = connected();
    const lastAt = Date.parse(view.collection.lastProgress?.at ?? '');
    const first = statusAt(view, new Date(lastAt + BOUND_MS + 5_000));
    const later = statusAt(view, new Date(lastAt + BOUND_MS + 600_000));
    expect(later).toEqual(first);
    // Once stored, evaluating again changes nothing and records no second transition.
    expect(statusAt(first.view, new Date(lastAt + BOUND_MS + 900_000))).toEqual({ view: first.view, transition: null });
  });

  it('returns to Connected with progress made after the deadline, recording that transition too', () => {
    const { view, last } = connected();
    const lastAt = Date.parse(last.occurredAt);
    const stalled = statusAt(view, new Date(lastAt + BOUND_MS + 10_000)).view;
    const resumed = applyStatusEvent(stalled, coverage(last, lastAt + BOUND_MS + 20_000));
    expect(resumed.view).toMatchObject({ status: 'Connected', reason: 'COLLECTING', stall: null });
    expect(resumed.transition).toMatchObject({ from: 'Degraded', to: 'Connected', reason: 'COLLECTING' });
    expect(resumed.transition?.cause.eventType).toBe('CoverageRecorded');
  });

  it('stays stalled while older events drain late, so the status does not flap during a catch-up', () => {
    const { view, last } = connected();
    const lastAt = Date.parse(last.occurredAt);
    const stalled = statusAt(view, new Date(lastAt + BOUND_MS + 60_000)).view;
    const late = applyStatusEvent(stalled, coverage(last, lastAt + 30_000));
    expect(late.view).toMatchObject({ status: 'Degraded', reason: 'COLLECTION_STALLED' });
    expect(late.transition).toBeNull();
  });

  it('does not count failures as progress', () => {
    const { view, last } = connected();
    const lastAt = Date.parse(last.occurredAt);
    const failed = applyStatusEvent(
      view,
      collectionEvent(last, 'CapabilityFailed', lastAt + BOUND_MS - 1_000, {
        capability: 'audit_logs',
        code: 'UPSTREAM_ERROR',
        message: '503 from Zendesk',
        retryAt: null,
      }),
    ).view;
    expect(statusAt(failed, new Date(lastAt + BOUND_MS + 1)).view.reason).toBe('COLLECTION_STALLED');
  });

  it('never stalls a connector that is not meant to be collected', () => {
    const { view } = connected();
    const farFuture = new Date(START + 86_400_000);
    const disconnected: StatusView = { ...view, connector: { ...view.connector, lifecycle: 'disconnected' } };
    expect(statusAt(disconnected, farFuture).transition).toBeNull();
  });

  it('judges a collector that never announced its cadence against the default one, not never', () => {
    const { view } = connected();
    const fast = { ...view.collection.cadence!, pollIntervalMs: 1_000, leaseTtlMs: 4_000 };
    const noCadence: StatusView = { ...view, collection: { ...view.collection, cadence: null } };
    const announced: StatusView = { ...view, collection: { ...view.collection, cadence: fast } };
    const defaultBound = 2 * DEFAULT_COLLECTOR_CADENCE.pollIntervalMs + DEFAULT_COLLECTOR_CADENCE.leaseTtlMs;
    expect(silenceBoundMs(noCadence.collection)).toBe(defaultBound);
    expect(silenceBoundMs(announced.collection)).toBe(6_000);
    const lastAt = Date.parse(view.collection.lastProgress?.at ?? '');
    expect(statusAt(noCadence, new Date(lastAt + defaultBound)).view.status).toBe('Connected');
    expect(statusAt(noCadence, new Date(lastAt + defaultBound + 1)).view.reason).toBe('COLLECTION_STALLED');
  });
});

describe('capability health from successful reads', () => {
  it('marks users, audit logs and the token ok once the backfill read them, not unknown', () => {
    const { view } = connected();
    expect(view.collection.capabilities.users.state).toBe('ok');
    expect(view.collection.capabilities.audit_logs.state).toBe('ok');
    expect(view.collection.capabilities.token.state).toBe('ok');
  });

  it('shows a token failure a later token superseded as unknown, and the token unknown after a disconnect', () => {
    const { view } = connected();
    const failedAt = new Date(START + 20 * MINUTE).toISOString();
    const failing: StatusView = {
      ...view,
      collection: {
        ...view.collection,
        capabilities: {
          ...view.collection.capabilities,
          token: { state: 'failing', code: 'TOKEN_INVALID', message: '401', since: failedAt, retryAt: null },
        },
      },
    };
    expect(effectiveHealth(failing).token.state).toBe('failing');
    const refreshedAt = new Date(START + 21 * MINUTE).toISOString();
    const refreshed: StatusView = { ...failing, connector: { ...failing.connector, lastTokenEventAt: refreshedAt } };
    expect(effectiveHealth(refreshed).token).toMatchObject({ state: 'unknown', code: null });
    const disconnected: StatusView = {
      ...view,
      connector: { ...view.connector, lifecycle: 'disconnected', lastDisconnectedAt: refreshedAt },
    };
    expect(effectiveHealth(disconnected).token).toMatchObject({ state: 'unknown', since: refreshedAt });
  });
});
