import { describe, expect, it } from 'vitest';
import { allEventDefinitions, eventDefinitionsOf, eventTypesOf, type EventType } from './event-registry';
import { TOPIC_NAMES } from './topic-names';
import { validData, validMessage } from './test-support/valid-events';

const current = TOPIC_NAMES.flatMap((topic) => eventDefinitionsOf(topic));
const schemaOf = (type: EventType) => current.find((definition) => definition.type === type)!.schema;
const issuePaths = (type: EventType, message: unknown) => {
  const result = schemaOf(type).safeParse(message);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('event schemas', () => {
  it.each(TOPIC_NAMES.flatMap(eventTypesOf))('accepts a valid %s', (type) => {
    expect(schemaOf(type).parse(validMessage(type))).toMatchObject({ type, data: validData[type] });
  });

  it('has a valid example for every event type, so none goes untested', () => {
    expect(Object.keys(validData).sort()).toEqual([...new Set(allEventDefinitions().map((d) => d.type))].sort());
  });

  it.each([
    ['eventId', { eventId: 'not-a-uuid' }],
    ['sequence', { sequence: -1 }],
    ['occurredAt', { occurredAt: '2024-05-01 10:00' }],
    ['actor.kind', { actor: { kind: 'robot' } }],
    ['actor.id', { actor: { kind: 'admin_key' } }],
    ['causationId', { causationId: undefined }],
    ['schemaVersion', { schemaVersion: 1 }],
  ])('rejects a bad envelope field (%s)', (path, overrides) => {
    expect(issuePaths('ConnectorRegistered', validMessage('ConnectorRegistered', overrides))).toContain(path);
  });

  it('accepts every actor form and an explicit UTC offset', () => {
    for (const actor of [{ kind: 'system' }, { kind: 'service', name: 'collector-service' }]) {
      const message = validMessage('CollectionStarted', { actor, occurredAt: '2024-05-01T12:00:00+02:00' });
      expect(issuePaths('CollectionStarted', message)).toEqual([]);
    }
  });

  const withData = (type: EventType, patch: Record<string, unknown>) =>
    validMessage(type, { data: { ...(validData[type] as object), ...patch } });

  it.each<[EventType, Record<string, unknown>, string]>([
    ['ConnectorRegistered', { clientSecret: 'plain-text-secret' }, 'data.clientSecret'],
    [
      'ConnectorRegistered',
      { clientSecret: { keyId: 'k', iv: '!!', ciphertext: 'c2VjcmV0', tag: 'AA==' } },
      'data.clientSecret.iv',
    ],
    ['ConnectorRegistered', { providerDetails: { subdomain: 'Acme Corp' } }, 'data.providerDetails.subdomain'],
    ['ConnectorRegistered', { provider: 'salesforce' }, 'data.provider'],
    [
      'ConnectorAuthorized',
      { authorizingUser: { zendeskUserId: 1, email: 'a@b', role: 'admin' } },
      'data.authorizingUser.providerUserId',
    ],
    ['ConnectorRegistered', { rateLimitPerMinute: 0 }, 'data.rateLimitPerMinute'],
    ['ConnectorAuthorized', { tokenBundle: undefined }, 'data.tokenBundle'],
    ['ConnectorAuthorizationFailed', { reason: 'SOMETHING_ELSE' }, 'data.reason'],
    ['ConnectionTested', { ok: true }, 'data.ok'],
    [
      'RecollectionRequested',
      { window: { from: '2024-05-01T10:00:00Z', to: '2024-05-01T10:00:00.000Z' } },
      'data.window',
    ],
    ['CoverageRecorded', { window: { from: '2024-05-02T00:00:00Z', to: '2024-05-01T00:00:00Z' } }, 'data.window.to'],
    ['CapabilityFailed', { capability: 'tickets' }, 'data.capability'],
    ['CapabilityFailed', { code: 'TEAPOT' }, 'data.code'],
    ['ZendeskActivityRecorded', { activityId: 'zd:acme:101' }, 'data.activityId'],
    ['ZendeskUserObserved', { role: 'owner' }, 'data.role'],
  ])('rejects invalid %s data (%o)', (type, patch, path) => {
    expect(issuePaths(type, withData(type, patch))).toContain(path);
  });

  it('lets an empty coverage window through, since an idle minute is still covered', () => {
    const window = { from: '2024-05-01T10:00:00Z', to: '2024-05-01T10:00:00Z' };
    expect(issuePaths('CoverageRecorded', withData('CoverageRecorded', { window }))).toEqual([]);
  });

  it('reads a heartbeat with or without budget use (the field was added without a new version)', () => {
    const budget = { requestsInWindow: 120, limitPerWindow: 200, windowMs: 60_000 };
    const withBudget = schemaOf('CollectionHeartbeat').parse(withData('CollectionHeartbeat', { budget }));
    expect(withBudget.data).toMatchObject({ budget });
    const older = schemaOf('CollectionHeartbeat').parse(validMessage('CollectionHeartbeat'));
    expect(older.data).not.toHaveProperty('budget');
    expect(
      issuePaths('CollectionHeartbeat', withData('CollectionHeartbeat', { budget: { ...budget, limitPerWindow: 0 } })),
    ).toEqual(['data.budget.limitPerWindow']);
  });

  it('drops fields it does not know instead of carrying them on, e.g. a stray clear-text token', () => {
    const parsed = schemaOf('ConnectorAuthorized').parse(withData('ConnectorAuthorized', { accessToken: 'abc' }));
    expect(parsed.data).not.toHaveProperty('accessToken');
  });
});
