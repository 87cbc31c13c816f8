import type { ConnectorEvent } from '@zc/contracts';
import { DeciderSpecification } from '@zc/decider/testing';
import { ConflictError, IllegalStateError, NotFoundError, ValidationError } from '@zc/errors';
import { describe, expect, it } from 'vitest';
import type { CommandMeta, ConnectorCommand } from './connector-commands';
import { connectorDecider } from './connector-decider';
import { evolve, initialState } from './connector-state';

const sealed = { keyId: 'k1', iv: 'aXY=', ciphertext: 'Y3Q=', tag: 'dGFn' };
let counter = 0;
const meta = (now = '2026-05-08T12:00:00.000Z'): CommandMeta => ({
  eventId: `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
  now,
  actor: { kind: 'admin_key', id: 'abcdef0123456789' },
  correlationId: 'corr-1',
  causationId: null,
});

const register = (): ConnectorCommand => ({
  type: 'RegisterConnector',
  meta: meta(),
  connectorId: 'c-1',
  name: 'Acme',
  clientId: 'cas',
  clientSecret: sealed,
  provider: 'zendesk',
  endpoint: 'acme.zendesk.com',
  providerDetails: { subdomain: 'acme' },
  rateLimitPerMinute: 200,
  redirectUrl: 'http://127.0.0.1:8081/api/oauth/saga',
});

const decided = (history: ConnectorEvent[], command: ConnectorCommand): ConnectorEvent[] => [
  ...connectorDecider.decide(command, history.reduce(evolve, initialState())),
];

const registered = (): ConnectorEvent[] => decided([], register());
const started = (): ConnectorEvent[] => {
  const history = registered();
  return [
    ...history,
    ...decided(history, {
      type: 'StartAuthorization',
      meta: meta(),
      stateHash: 'a'.repeat(64),
      scopes: ['read'],
      redirectUrl: 'http://127.0.0.1:8081/api/oauth/saga',
      expiresAt: '2026-05-08T12:10:00.000Z',
    }),
  ];
};
const token = (expiresAt: string | null, refreshable: boolean) => ({
  providerTokenId: 7,
  scopes: ['read'],
  expiresAt,
  refreshable,
});
const DAY = 86_400_000;
const authorized = (expiresAt: string | null = null, refreshable = false, rotationAgeMs = 180 * DAY) => {
  const history = started();
  return [
    ...history,
    ...decided(history, {
      type: 'CompleteAuthorization',
      meta: meta(),
      stateHash: 'a'.repeat(64),
      tokenBundle: sealed,
      token: token(expiresAt, refreshable),
      authorizingUser: { providerUserId: 1, email: 'ada@acme.test', role: 'admin' },
      rotationAgeMs,
    }),
  ];
};

const spec = DeciderSpecification.for(connectorDecider);

describe('connector decider', () => {
  it('registers a new connector at sequence 1, naming the admin key', () => {
    const command = register();
    spec
      .given([])
      .when(command)
      .then([
        expect.objectContaining({
          type: 'ConnectorRegistered',
          schemaVersion: 3,
          connectorId: 'c-1',
          sequence: 1,
          actor: { kind: 'admin_key', id: 'abcdef0123456789' },
          data: expect.objectContaining({
            provider: 'zendesk',
            endpoint: 'acme.zendesk.com',
            providerDetails: { subdomain: 'acme' },
            rateLimitPerMinute: 200,
          }) as unknown,
        }) as ConnectorEvent,
      ]);
  });

  it('refuses to register the same id twice', () => {
    spec.given(registered()).when(register()).thenThrows(ConflictError);
  });

  it('refuses commands on an unknown connector', () => {
    spec.given([]).when({ type: 'ChangeRateLimit', meta: meta(), rateLimitPerMinute: 300 }).thenThrows(NotFoundError);
  });

  it('completes only the latest started authorization', () => {
    const history = started();
    spec
      .given(history)
      .when({
        type: 'CompleteAuthorization',
        meta: meta(),
        stateHash: 'b'.repeat(64),
        tokenBundle: sealed,
        token: token(null, false),
        authorizingUser: { providerUserId: 1, email: 'a@b', role: 'admin' },
        rotationAgeMs: 180 * DAY,
      })
      .thenThrows(IllegalStateError);
    expect(authorized().at(-1)).toMatchObject({ type: 'ConnectorAuthorized', sequence: 3 });
  });

  it('records an authorization failure with its reason', () => {
    spec
      .given(started())
      .when({ type: 'FailAuthorization', meta: meta(), reason: 'NOT_ADMIN', message: 'agent' })
      .then([
        expect.objectContaining({
          type: 'ConnectorAuthorizationFailed',
          sequence: 3,
          data: { reason: 'NOT_ADMIN', message: 'agent' },
        }) as ConnectorEvent,
      ]);
  });

  it('an invalid grant on refresh drops the token: the connector needs reconnecting', () => {
    const history = authorized('2026-05-08T12:30:00.000Z', true);
    const failed = decided(history, {
      type: 'FailAuthorization',
      meta: meta(),
      reason: 'INVALID_GRANT',
      message: 'reconnect',
    });
    const state = [...history, ...failed].reduce(evolve, initialState());
    expect(state.status).toBe('failed');
    expect(state.token).toBeNull();
  });

  it('changes the rate limit, and does nothing when it is unchanged', () => {
    spec
      .given(registered())
      .when({ type: 'ChangeRateLimit', meta: meta(), rateLimitPerMinute: 400 })
      .then([
        expect.objectContaining({
          type: 'ConnectorRateLimitChanged',
          data: { previousPerMinute: 200, rateLimitPerMinute: 400 },
        }) as ConnectorEvent,
      ]);
    spec.given(registered()).when({ type: 'ChangeRateLimit', meta: meta(), rateLimitPerMinute: 200 }).then([]);
  });

  it('writes the rotation decision into the token it records: due after the age, or never for an expiring one', () => {
    const legacy = authorized(null, false, 30 * DAY).at(-1);
    const expiring = authorized('2026-05-08T20:00:00.000Z', true, 30 * DAY).at(-1);
    expect(legacy).toMatchObject({ data: { token: { rotationDueAt: '2026-06-07T12:00:00.000Z' } } });
    expect(expiring).toMatchObject({ data: { token: { rotationDueAt: null } } });
  });

  it('flags a legacy token for rotation once its recorded due time has come, once', () => {
    const history = authorized(null, false, 30 * DAY);
    spec
      .given(history)
      .when({ type: 'FlagTokenRotation', meta: meta('2026-06-07T11:59:59.000Z') })
      .then([]);
    const flagged = decided(history, { type: 'FlagTokenRotation', meta: meta('2026-06-07T12:00:00.000Z') });
    expect(flagged).toEqual([
      expect.objectContaining({
        type: 'ConnectorTokenRotationDue',
        data: { providerTokenId: 7, tokenIssuedAt: '2026-05-08T12:00:00.000Z', dueAt: '2026-06-07T12:00:00.000Z' },
      }),
    ]);
    spec
      .given([...history, ...flagged])
      .when({ type: 'FlagTokenRotation', meta: meta('2026-12-02T00:00:00.000Z') })
      .then([]);
  });

  it('reads tokens recorded before the decision was carried at the default age of 180 days', () => {
    const history = authorized(null, false).map((event) => {
      if (event.type !== 'ConnectorAuthorized') return event;
      const { rotationDueAt: _dropped, ...older } = event.data.token;
      return { ...event, data: { ...event.data, token: older } };
    });
    spec
      .given(history)
      .when({ type: 'FlagTokenRotation', meta: meta('2026-11-04T11:59:59.000Z') })
      .then([]);
    expect(decided(history, { type: 'FlagTokenRotation', meta: meta('2026-11-04T12:00:00.000Z') })).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ dueAt: '2026-11-04T12:00:00.000Z' }) as unknown }),
    ]);
  });

  it('refuses a recollection window outside the bounds, naming the field', () => {
    spec
      .given(authorized())
      .when({
        type: 'RequestRecollection',
        meta: meta(),
        from: '2026-05-01T00:00:00.000Z',
        to: '2026-05-09T00:00:00.000Z',
      })
      .thenThrows((error) => error instanceof ValidationError && error.fields?.[0]?.field === 'body.to');
    spec
      .given(authorized())
      .when({
        type: 'RequestRecollection',
        meta: meta(),
        from: '2026-05-01T00:00:00.000Z',
        to: '2026-05-02T00:00:00.000Z',
      })
      .then([expect.objectContaining({ type: 'RecollectionRequested' }) as ConnectorEvent]);
  });

  it('refuses a recollection before authorization and everything after disconnect', () => {
    spec
      .given(registered())
      .when({
        type: 'RequestRecollection',
        meta: meta(),
        from: '2026-05-01T00:00:00.000Z',
        to: '2026-05-02T00:00:00.000Z',
      })
      .thenThrows(IllegalStateError);
    const gone = [
      ...registered(),
      ...decided(registered(), { type: 'Disconnect', meta: meta(), tokenRevoked: false, revocationError: null }),
    ];
    spec
      .given(gone)
      .when({ type: 'ChangeRateLimit', meta: meta(), rateLimitPerMinute: 300 })
      .thenThrows(IllegalStateError);
  });
});
