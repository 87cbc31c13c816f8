import { FIRST_SEQUENCE, newEvent, type ConnectorEvent, type EventData } from '@zc/contracts';
import { describe, expect, it } from 'vitest';
import { alreadyApplied, emptyConnectorView, evolveConnectorView } from './connector-view';

const blob = { keyId: 'k1', iv: 'aXY=', ciphertext: 'Y3Q=', tag: 'dGFn' };
let sequence = FIRST_SEQUENCE;
/** Only the data fields the view reads are given, hence the cast; the envelope is the writers' own. */
const event = <T extends ConnectorEvent['type']>(type: T, data: unknown, eventId = crypto.randomUUID()) =>
  newEvent(
    type,
    {
      eventId,
      connectorId: 'c-1',
      sequence: sequence++,
      occurredAt: '2026-05-01T00:00:00Z',
      recordedAt: '2026-05-01T00:00:00Z',
      actor: { kind: 'system' },
      correlationId: 'x',
      causationId: null,
    },
    data as EventData<T>,
  ) as ConnectorEvent;

const fold = (events: ConnectorEvent[]) => events.reduce(evolveConnectorView, emptyConnectorView('c-1'));

describe('evolveConnectorView', () => {
  const registered = () =>
    event('ConnectorRegistered', {
      provider: 'zendesk',
      endpoint: 'acme.zendesk.com',
      providerDetails: { subdomain: 'acme' },
      rateLimitPerMinute: 300,
    });
  const authorized = () => event('ConnectorAuthorized', { tokenBundle: blob, authorizedAt: '2026-05-01T00:00:00Z' });

  it('becomes active with a token on authorization, starting generation 1', () => {
    const view = fold([registered(), authorized()]);
    expect(view).toMatchObject({ status: 'active', subdomain: 'acme', rateLimitPerMinute: 300, tokenVersion: 1 });
    expect(view.generation).toBe(1);
    expect(view.tokenBundle).toEqual(blob);
  });

  it('keeps the generation on re-authorization but starts a new one after a disconnect', () => {
    const again = fold([registered(), authorized(), authorized()]);
    expect(again.generation).toBe(1);
    const disconnected = fold([registered(), authorized(), event('ConnectorDisconnected', {})]);
    expect(disconnected).toMatchObject({ status: 'disconnected', tokenBundle: null });
    expect(evolveConnectorView(disconnected, authorized()).generation).toBe(2);
  });

  it('applies rate-limit changes and new tokens', () => {
    const view = fold([
      registered(),
      authorized(),
      event('ConnectorRateLimitChanged', { previousPerMinute: 300, rateLimitPerMinute: 50 }),
      event('ConnectorTokenRefreshed', { tokenBundle: { ...blob, keyId: 'k2' } }),
    ]);
    expect(view.rateLimitPerMinute).toBe(50);
    expect(view).toMatchObject({ tokenVersion: 2, tokenBundle: { keyId: 'k2' } });
  });

  it('queues a recollection request once however often it is delivered', () => {
    const request = event('RecollectionRequested', {
      window: { from: '2026-04-01T00:00:00Z', to: '2026-04-02T00:00:00Z' },
    });
    const view = fold([registered(), authorized(), request]);
    expect(alreadyApplied(view, request)).toBe(true);
    expect(evolveConnectorView(view, request).recollections).toHaveLength(1);
  });
});
