import { describe, expect, it } from 'vitest';
import { ContractViolationError } from './contract-violation-error';
import { parseEvent, parseEventJson } from './parse-event';
import type { TopicName } from './topic-names';
import { validMessage } from './test-support/valid-events';

const violationOf = (read: () => unknown): ContractViolationError => {
  try {
    read();
  } catch (error) {
    if (error instanceof ContractViolationError) return error;
    throw error;
  }
  throw new Error('expected a ContractViolationError');
};

describe('parseEvent', () => {
  it('returns the typed event of the topic', () => {
    const event = parseEvent('connector.events', validMessage('ConnectorAuthorizationFailed'));
    if (event.type !== 'ConnectorAuthorizationFailed') throw new Error('narrowing failed');
    expect(event.data.reason).toBe('NOT_ADMIN');
  });

  it('reads every topic', () => {
    expect(parseEvent('collection.events', validMessage('CoverageRecorded')).type).toBe('CoverageRecorded');
    expect(parseEvent('zendesk.activities', validMessage('ZendeskActivityRecorded')).data.activityId).toBe(
      'zd:acme:100',
    );
    expect(parseEvent('zendesk.users', validMessage('ZendeskUserObserved')).data.role).toBe('admin');
  });

  it('rejects an event of another topic', () => {
    const error = violationOf(() => parseEvent('collection.events', validMessage('ConnectorRegistered')));
    expect(error).toMatchObject({
      code: 'CONTRACT_VIOLATION',
      reason: 'UNKNOWN_EVENT_TYPE',
      eventType: 'ConnectorRegistered',
    });
  });

  it('rejects an unknown topic given at runtime', () => {
    const error = violationOf(() => parseEvent('tickets' as TopicName, validMessage('ConnectorRegistered')));
    expect(error.reason).toBe('UNKNOWN_TOPIC');
  });

  it('rejects a version newer than this reader knows', () => {
    const error = violationOf(() =>
      parseEvent('connector.events', validMessage('ConnectorRegistered', { schemaVersion: 4 })),
    );
    expect(error).toMatchObject({ reason: 'UNSUPPORTED_SCHEMA_VERSION', schemaVersion: 4 });
  });

  it('rejects a message without type or version, and names the missing fields', () => {
    const error = violationOf(() => parseEvent('zendesk.users', { hello: 'world' }));
    expect(error.reason).toBe('INVALID_EVENT');
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(['type', 'schemaVersion']);
  });

  it('carries the zod issues and a one-line message fit for a DLQ header', () => {
    const message = validMessage('ZendeskUserObserved', { sequence: -5 });
    const error = violationOf(() => parseEvent('zendesk.users', message));
    expect(error.issues).toEqual([expect.objectContaining({ path: ['sequence'] })]);
    expect(error.message).toMatch(/^INVALID_EVENT: ZendeskUserObserved v1 on zendesk\.users: sequence: /);
    expect(error.message).not.toContain('\n');
  });
});

describe('parseEventJson', () => {
  it('parses a raw message value', () => {
    const text = JSON.stringify(validMessage('CollectionStarted'));
    expect(parseEventJson('collection.events', text).type).toBe('CollectionStarted');
  });

  it('turns malformed JSON into a contract violation with the parse error as cause', () => {
    const error = violationOf(() => parseEventJson('collection.events', '{"type":'));
    expect(error.reason).toBe('MALFORMED_JSON');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });
});
