import type { CollectionEvent, ConnectorEvent } from '@zc/contracts';
import { describe, expect, it } from 'vitest';
import { connectorScenario } from '../testing/events';
import { seededRandom } from '../testing/seeded';
import { applyStatusEvents, initialStatusView, type StatusEvent } from './status-view';
import { backfillRatio, tokenHealth } from './status-presentation';

const START = Date.UTC(2024, 4, 1);

function scenario(seed: number) {
  return connectorScenario('c1', 'acme', START, seededRandom(seed));
}

const byTime = (events: StatusEvent[]) =>
  [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));

function withSequence<E extends StatusEvent>(event: E, sequence: number, occurredAt: string, data: unknown): E {
  return { ...event, eventId: `${event.eventId.slice(0, -4)}ffff`, sequence, occurredAt, data };
}

describe('connector status view', () => {
  it('walks Pending → Authorizing → Pending (collection not started) → Connected → Degraded → Connected', () => {
    const { connector, collection } = scenario(3);
    const result = applyStatusEvents(initialStatusView('c1'), byTime([...connector, ...collection]));
    const path = result.transitions.map((t) => t.to);
    expect(path.slice(0, 2)).toEqual(['Authorizing', 'Pending']);
    expect(path).toContain('Degraded');
    expect(result.view.connector.rateLimitPerMinute).toBe(400);
    expect(result.view.collection.backfill.completedAt).not.toBeNull();
    expect(backfillRatio(result.view, 'audit_logs')).toBe(1);
    expect(result.transitions.every((t) => t.cause.eventId.length > 0)).toBe(true);
  });

  it('skips events at or behind the stream position, so redelivery changes nothing', () => {
    const { connector, collection } = scenario(5);
    const events = byTime([...connector, ...collection]);
    const once = applyStatusEvents(initialStatusView('c1'), events);
    const twice = applyStatusEvents(once.view, events);
    expect(twice.view).toEqual(once.view);
    expect(twice.applied).toBe(0);
    expect(twice.transitions).toEqual([]);
  });

  it('is in Error on an invalid token and Connected again once a later refresh arrives, in either topic order', () => {
    const { connector, collection } = scenario(11);
    // Without the scenario's random ending (failures, disconnect) the connector is Connected.
    const beforeEnding = (event: StatusEvent) => Date.parse(event.occurredAt) < START + 35 * 60_000;
    const base = applyStatusEvents(
      initialStatusView('c1'),
      byTime([...connector, ...collection].filter(beforeEnding)),
    ).view;
    expect(base.status).toBe('Connected');
    const lastCollection = collection.at(-1) as CollectionEvent;
    const lastConnector = connector.at(-1) as ConnectorEvent;
    const failed = withSequence(lastCollection, 100, '2024-05-02T00:00:00.000Z', {
      capability: 'token',
      code: 'TOKEN_INVALID',
      message: '401',
      retryAt: null,
    });
    const refreshed = withSequence(lastConnector, 100, '2024-05-02T00:05:00.000Z', {
      tokenBundle: { keyId: 'k1', iv: 'AAAA', ciphertext: 'AAAA', tag: 'AAAA' },
      token: { providerTokenId: 8, scopes: ['read'], expiresAt: null, refreshable: false },
      refreshedAt: '2024-05-02T00:05:00.000Z',
    });
    const failedView = applyStatusEvents(base, [{ ...failed, type: 'CapabilityFailed' } as CollectionEvent]).view;
    expect(failedView.status).toBe('Error');
    expect(failedView.reason).toBe('TOKEN_INVALID');
    const refresh = { ...refreshed, type: 'ConnectorTokenRefreshed' } as ConnectorEvent;
    const failure = { ...failed, type: 'CapabilityFailed' } as CollectionEvent;
    const inOrder = applyStatusEvents(base, [failure, refresh]).view;
    const reversed = applyStatusEvents(base, [refresh, failure]).view;
    expect(inOrder.status).not.toBe('Error');
    expect({ ...reversed, statusSince: null, cause: null }).toEqual({ ...inOrder, statusSince: null, cause: null });
  });

  it('computes token age and takes the rotation time its token event carries', () => {
    const { connector } = scenario(1);
    const day = 86_400_000;
    const authorized = connector.find((event) => event.type === 'ConnectorAuthorized')!;
    if (authorized.type !== 'ConnectorAuthorized') throw new Error('unreachable');
    const issued = Date.parse(authorized.data.authorizedAt);
    const dueAt = new Date(issued + 30 * day).toISOString();
    const legacyToken = { ...authorized.data.token, expiresAt: null, rotationDueAt: dueAt };
    const legacy = { ...authorized, data: { ...authorized.data, token: legacyToken } };
    const view = applyStatusEvents(initialStatusView('c1'), connector).view;
    const legacyView = applyStatusEvents(
      initialStatusView('c1'),
      connector.map((e) => (e === authorized ? legacy : e)),
    ).view;
    expect(tokenHealth(legacyView, new Date(issued + 10 * day))).toMatchObject({ ageDays: 10, rotationDue: false });
    expect(tokenHealth(legacyView, new Date(issued + 30 * day))).toMatchObject({
      rotationDue: true,
      rotationDueAt: dueAt,
    });
    // The scenario's token expires: it is refreshed, never due for rotation.
    expect(tokenHealth(view, new Date(issued + 181 * day))).toMatchObject({ rotationDue: false, rotationDueAt: null });
  });

  it('reads a view stored before token events carried the rotation time at the default age (180 days)', () => {
    const { connector } = scenario(1);
    const view = applyStatusEvents(initialStatusView('c1'), connector).view;
    const token = { ...view.connector.token!, expiresAt: null };
    const stored = { ...view, connector: { ...view.connector, token, rotationDueAt: null } };
    const issued = Date.parse(token.issuedAt);
    const day = 86_400_000;
    expect(tokenHealth(stored, new Date(issued + 179 * day))).toMatchObject({ ageDays: 179, rotationDue: false });
    expect(tokenHealth(stored, new Date(issued + 180 * day))).toMatchObject({ rotationDue: true });
  });

  it('never throws on odd but recorded histories (collection before registration, test before authorization)', () => {
    const { connector, collection } = scenario(2);
    const odd = [...collection, ...connector.slice().reverse()];
    expect(() => applyStatusEvents(initialStatusView('c1'), odd)).not.toThrow();
  });
});
