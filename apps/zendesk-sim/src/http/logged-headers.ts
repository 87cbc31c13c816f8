import type { IncomingHttpHeaders } from 'node:http';
import type { LoggedHeaders } from '../application/sim-state';

const single = (value: string | string[] | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;

/**
 * The request-log subset of headers. Authorization is reduced to its scheme from a fixed list,
 * so a malformed header (a bare token) can never reach the log.
 */
export function loggedHeaders(headers: IncomingHttpHeaders): LoggedHeaders {
  const auth = headers.authorization;
  const scheme = auth === undefined ? null : (/^(\w+)\s/.exec(auth)?.[1]?.toLowerCase() ?? '');
  return {
    userAgent: single(headers['user-agent']),
    accept: single(headers.accept),
    contentType: single(headers['content-type']),
    authorization: scheme === null ? null : scheme === 'bearer' || scheme === 'basic' ? scheme : 'other',
  };
}
