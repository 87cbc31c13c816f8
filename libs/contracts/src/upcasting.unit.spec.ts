import { describe, expect, it } from 'vitest';
import type { ContractViolationError } from './contract-violation-error';
import { eventDefinitionsOf, upcastersOf } from './event-registry';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from './events/connector-registration';
import { parseEvent } from './parse-event';
import { TOPIC_NAMES } from './topic-names';
import { validData, validMessage } from './test-support/valid-events';

const { rateLimitPerMinute: _dropped, ...v1Data } = validData.ConnectorRegistered as Record<string, unknown>;
const v1Message = validMessage('ConnectorRegistered', { schemaVersion: 1, data: v1Data });

describe('upcasting', () => {
  it('reads a ConnectorRegistered v1 message as v2, at the default budget', () => {
    const event = parseEvent('connector.events', v1Message);
    expect(event).toEqual({
      ...v1Message,
      schemaVersion: 2,
      data: { ...v1Data, rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE },
    });
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
