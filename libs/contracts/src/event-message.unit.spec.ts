import { describe, expect, it } from 'vitest';
import { ContractViolationError } from './contract-violation-error';
import type { ConnectorEvent } from './events/connector-events';
import type { UserEvent } from './events/user-events';
import { encodeEvent, messageKeyOf, toEventMessage } from './event-message';
import { parseEvent } from './parse-event';
import { validMessage } from './test-support/valid-events';

const registered = parseEvent('connector.events', validMessage('ConnectorRegistered'));

describe('encodeEvent', () => {
  it('encodes key, value and the headers of design §3, and round-trips through parseEvent', () => {
    const encoded = encodeEvent('connector.events', registered);
    expect(encoded.key).toBe('conn-1');
    expect(encoded.headers).toEqual({
      'event-type': 'ConnectorRegistered',
      'schema-version': '3',
      'event-id': registered.eventId,
    });
    expect(parseEvent('connector.events', JSON.parse(encoded.value))).toEqual(registered);
  });

  it('never publishes a field the schema does not know, such as a clear-text secret', () => {
    const leaky = {
      ...registered,
      data: { ...registered.data, clientSecretPlain: 'hunter2' },
    } as unknown as ConnectorEvent;
    expect(encodeEvent('connector.events', leaky).value).not.toContain('hunter2');
  });

  it('refuses an invalid event instead of publishing it', () => {
    const invalid = { ...registered, sequence: -1 };
    expect(() => encodeEvent('connector.events', invalid)).toThrow(ContractViolationError);
  });

  it('refuses an event on the wrong topic', () => {
    const user = parseEvent('zendesk.users', validMessage('ZendeskUserObserved'));
    expect(() => encodeEvent('connector.events', user as unknown as ConnectorEvent)).toThrow(/UNKNOWN_EVENT_TYPE/);
  });
});

describe('toEventMessage', () => {
  it('is the encoded event as a publisher takes it: the same value as an object, camelCase headers', () => {
    const encoded = encodeEvent('connector.events', registered);
    expect(toEventMessage('connector.events', registered)).toEqual({
      key: encoded.key,
      value: JSON.parse(encoded.value) as unknown,
      headers: { eventType: 'ConnectorRegistered', schemaVersion: '3', eventId: registered.eventId },
    });
  });

  it('validates and strips like encodeEvent', () => {
    const leaky = {
      ...registered,
      data: { ...registered.data, clientSecretPlain: 'hunter2' },
    } as unknown as ConnectorEvent;
    expect(JSON.stringify(toEventMessage('connector.events', leaky).value)).not.toContain('hunter2');
    expect(() => toEventMessage('connector.events', { ...registered, sequence: -1 })).toThrow(ContractViolationError);
  });
});

describe('messageKeyOf', () => {
  it('keys users per connector and user, so compaction keeps one snapshot each', () => {
    const user: UserEvent = parseEvent('zendesk.users', validMessage('ZendeskUserObserved'));
    expect(messageKeyOf(user)).toBe('conn-1:42');
    expect(messageKeyOf(registered)).toBe('conn-1');
  });
});
