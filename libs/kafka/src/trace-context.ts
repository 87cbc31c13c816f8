import { createHash, randomBytes } from 'node:crypto';

/**
 * A W3C `traceparent` for a message. Every event carries the correlation id of the admin request or
 * collection run that caused it; hashing it into the trace id puts all of that work, across services
 * and topics, into one trace without a tracing SDK. Each message gets its own span id.
 */
export function traceparentFor(correlationId: string): string {
  const traceId = createHash('sha256').update(correlationId).digest('hex').slice(0, 32);
  return `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
}

/** The correlation id of a JSON event value, when it has one (the envelope of design §4 does). */
export function correlationIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = (value as { correlationId?: unknown }).correlationId;
  return typeof candidate === 'string' && candidate.length > 0 ? candidate : undefined;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** The trace id of a `traceparent` header, for logs; undefined when absent or malformed. */
export function traceIdOf(traceparent: string | undefined): string | undefined {
  return traceparent === undefined ? undefined : TRACEPARENT.exec(traceparent)?.[1];
}
