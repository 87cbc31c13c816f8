import { describe, expect, it } from 'vitest';
import type { ContractViolationError } from './contract-violation-error';
import { currentSchemaVersion, eventDefinitionsOf, upcastersOf } from './event-registry';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from './events/connector-registration';
import { parseEvent } from './parse-event';
import { TOPIC_NAMES } from './topic-names';
import { validData, validMessage } from './test-support/valid-events';

const registeredV3 = validData.ConnectorRegistered as {
  provider: string;
  providerDetails: { subdomain: string };
  rateLimitPerMinute: number;
};
const { provider: _provider, providerDetails, ...lifecycle } = registeredV3;
/** ConnectorRegistered as v2 wrote it: Zendesk's subdomain at the top level, no provider named. */
const v2Data = { ...lifecycle, subdomain: providerDetails.subdomain };
const { rateLimitPerMinute: _dropped, ...v1Data } = v2Data;
const v1Message = validMessage('ConnectorRegistered', { schemaVersion: 1, data: v1Data });

const tokenV2 = validData.ConnectorAuthorized as { token: Record<string, unknown> & { providerTokenId: number } };
const { providerTokenId, ...tokenRest } = tokenV2.token;
/** TokenMetadata as the v1 token events wrote it. */
const tokenV1 = { zendeskTokenId: providerTokenId, ...tokenRest };

describe('upcasting', () => {
  it('reads a ConnectorRegistered v1 message as v3, at the default budget, as a Zendesk connector', () => {
    const event = parseEvent('connector.events', v1Message);
    expect(event).toEqual({
      ...v1Message,
      schemaVersion: 3,
      data: { ...registeredV3, rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE },
    });
  });

  it('reads a ConnectorRegistered v2 message as v3, its subdomain under providerDetails', () => {
    const v2Message = validMessage('ConnectorRegistered', { schemaVersion: 2, data: v2Data });
    const event = parseEvent('connector.events', v2Message);
    expect(event).toEqual({ ...v2Message, schemaVersion: 3, data: registeredV3 });
    expect(event.data).not.toHaveProperty('subdomain');
  });

  it('reads v1 token events with the provider-neutral token and user ids', () => {
    const authorized = validData.ConnectorAuthorized as { authorizingUser: { providerUserId: number } };
    const { providerUserId, ...user } = authorized.authorizingUser;
    const authorizedV1 = validMessage('ConnectorAuthorized', {
      schemaVersion: 1,
      data: { ...authorized, token: tokenV1, authorizingUser: { zendeskUserId: providerUserId, ...user } },
    });
    expect(parseEvent('connector.events', authorizedV1)).toEqual({
      ...authorizedV1,
      schemaVersion: 2,
      data: validData.ConnectorAuthorized,
    });

    const refreshed = validData.ConnectorTokenRefreshed as Record<string, unknown>;
    const refreshedV1 = validMessage('ConnectorTokenRefreshed', {
      schemaVersion: 1,
      data: { ...refreshed, token: tokenV1 },
    });
    expect(parseEvent('connector.events', refreshedV1)).toEqual({ ...refreshedV1, schemaVersion: 2, data: refreshed });

    const due = validData.ConnectorTokenRotationDue as { providerTokenId: number };
    const { providerTokenId: dueTokenId, ...dueRest } = due;
    const dueV1 = validMessage('ConnectorTokenRotationDue', {
      schemaVersion: 1,
      data: { zendeskTokenId: dueTokenId, ...dueRest },
    });
    expect(parseEvent('connector.events', dueV1)).toEqual({ ...dueV1, schemaVersion: 2, data: due });
  });

  it('refuses a v1 token event that already uses the v2 names', () => {
    const mixed = validMessage('ConnectorTokenRefreshed', { schemaVersion: 1 });
    expect(() => parseEvent('connector.events', mixed)).toThrow(
      expect.objectContaining({ reason: 'INVALID_EVENT', schemaVersion: 1 }) as ContractViolationError,
    );
  });

  it('writes the provider-neutral versions', () => {
    expect(currentSchemaVersion('ConnectorRegistered')).toBe(3);
    expect(currentSchemaVersion('ConnectorAuthorized')).toBe(2);
    expect(currentSchemaVersion('ConnectorTokenRefreshed')).toBe(2);
    expect(currentSchemaVersion('ConnectorTokenRotationDue')).toBe(2);
  });

  it.each([
    'ConnectorRegistered',
    'ConnectorAuthorized',
    'ConnectorTokenRefreshed',
    'ConnectorTokenRotationDue',
  ] as const)('parses a current %s with no Zendesk-named field at its top level', (type) => {
    const event = parseEvent('connector.events', validMessage(type));
    expect(event.data).toEqual(validData[type]);
    expect(JSON.stringify(event.data)).not.toMatch(/zendesk(Token|User)Id/);
    expect(event.data).not.toHaveProperty('subdomain');
  });

  it('validates a v1 message against the v1 schema before lifting it', () => {
    const broken = { ...v1Message, data: { ...v1Data, clientSecret: 'plain' } };
    expect(() => parseEvent('connector.events', broken)).toThrow(
      expect.objectContaining({ reason: 'INVALID_EVENT', schemaVersion: 1 }) as ContractViolationError,
    );
  });

  it('leaves current messages untouched', () => {
    const event = parseEvent('connector.events', validMessage('ConnectorRegistered'));
    expect(event.data).toEqual(validData.ConnectorRegistered);
  });

  it.each(TOPIC_NAMES)('has contiguous upcaster chains on %s that end at the current version', (topic) => {
    for (const upcaster of upcastersOf(topic)) {
      const current = eventDefinitionsOf(topic).find((definition) => definition.type === upcaster.type);
      expect(upcaster.from.type).toBe(upcaster.type);
      expect(upcaster.toVersion).toBe(upcaster.fromVersion + 1);
      expect(upcaster.toVersion).toBeLessThanOrEqual(current!.schemaVersion);
      for (let version = upcaster.fromVersion + 1; version < current!.schemaVersion; version++) {
        expect(upcastersOf(topic).some((step) => step.type === upcaster.type && step.fromVersion === version)).toBe(
          true,
        );
      }
    }
  });
});
