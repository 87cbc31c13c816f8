import { describe, expect, it } from 'vitest';
import { toKafkaMessage } from './publisher';
import { correlationIdOf, traceIdOf, traceparentFor } from './trace-context';

describe('trace context', () => {
  it('puts every message of one correlation id into one trace, each with its own span', () => {
    const first = traceparentFor('corr-1');
    const second = traceparentFor('corr-1');
    expect(first).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(traceIdOf(first)).toBe(traceIdOf(second));
    expect(first).not.toBe(second);
    expect(traceIdOf(traceparentFor('corr-2'))).not.toBe(traceIdOf(first));
  });

  it('reads the correlation id of an event envelope only', () => {
    expect(correlationIdOf({ correlationId: 'c' })).toBe('c');
    expect(correlationIdOf({ correlationId: '' })).toBeUndefined();
    expect(correlationIdOf('text')).toBeUndefined();
    expect(traceIdOf('garbage')).toBeUndefined();
  });

  it('adds a traceparent to published events that carry a correlation id, and keeps a given one', () => {
    const headers = { eventType: 'X', schemaVersion: 1, eventId: 'e' };
    const derived = toKafkaMessage('t', { key: 'k', value: { correlationId: 'corr-1' }, headers });
    expect(traceIdOf(String(derived.headers?.['traceparent']))).toBe(traceIdOf(traceparentFor('corr-1')));
    const given = '00-0123456789abcdef0123456789abcdef-0123456789abcdef-01';
    const kept = toKafkaMessage('t', {
      key: 'k',
      value: { correlationId: 'c' },
      headers: { ...headers, traceparent: given },
    });
    expect(kept.headers?.['traceparent']).toBe(given);
  });
});
