import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const CORRELATION_HEADER = 'x-correlation-id';

/** Loose enough for UUIDs, W3C trace ids and most gateways' ids; strict enough to be log-safe. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Uses the caller's correlation id so one operation can be followed across services; anything
 * malformed is replaced rather than trusted, since it ends up in every log line.
 */
export const correlationIdFrom = (request: IncomingMessage): string => {
  const presented = request.headers[CORRELATION_HEADER];
  return typeof presented === 'string' && ACCEPTABLE.test(presented) ? presented : randomUUID();
};
