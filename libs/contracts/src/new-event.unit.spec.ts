import { describe, expect, it } from 'vitest';
import { currentSchemaVersion, eventDefinitionsOf, eventTypesOf, type EventType } from './event-registry';
import { newEvent, type EventData } from './new-event';
import { FIRST_SEQUENCE, NO_SEQUENCE, sequenceAfter } from './sequence';
import { validData, validEnvelope } from './test-support/valid-events';
import { TOPIC_NAMES } from './topic-names';

const envelope = validEnvelope;

const byTopic = TOPIC_NAMES.flatMap((topic) => eventTypesOf(topic).map((type) => [type, topic] as const));

describe('newEvent', () => {
  it.each(byTopic)('writes %s at the version its registry entry (%s) holds as current', (type, topic) => {
    const current = eventDefinitionsOf(topic).find((definition) => definition.type === type)!;
    const event = newEvent(type, envelope, validData[type] as EventData<EventType>);
    expect(event.schemaVersion).toBe(current.schemaVersion);
    expect(currentSchemaVersion(type)).toBe(current.schemaVersion);
    expect(current.schema.parse(event)).toEqual(event);
  });

  it('takes the envelope fields it knows and nothing else', () => {
    const withExtra = { ...envelope, schemaVersion: 99, plaintextSecret: 'x' };
    const event = newEvent('ConnectorDisconnected', withExtra, { tokenRevoked: true, revocationError: null });
    expect(event).toEqual({
      ...envelope,
      type: 'ConnectorDisconnected',
      schemaVersion: 1,
      data: { tokenRevoked: true, revocationError: null },
    });
  });
});

describe('the sequence origin', () => {
  it('numbers a stream from FIRST_SEQUENCE, with NO_SEQUENCE below every sequence ever written (0 included)', () => {
    expect([0, 1, 2].map(sequenceAfter)).toEqual([FIRST_SEQUENCE, FIRST_SEQUENCE + 1, FIRST_SEQUENCE + 2]);
    // The connector event store's first version is 1, and connector.events carries it as the sequence.
    expect(FIRST_SEQUENCE).toBe(1);
    expect(NO_SEQUENCE).toBeLessThan(0);
  });
});
