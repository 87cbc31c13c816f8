import { parseZendeskEndpoint } from './endpoint';
import type { RequestCore, ResponseMeta } from './request';
import { type FetchLike, createHostHeaderTransport, globalFetch } from './transport';

/** How long one request (its answer and body) may take before it fails with RequestTimeoutError. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface CoreOptions {
  /** `<account>.zendesk.com`, validated strictly. */
  readonly endpoint: string;
  /**
   * Trusted operator configuration (never user input): endpoint host → base URL, e.g.
   * `{ 'demo.zendesk.com': 'http://127.0.0.1:8089' }` to reach the simulator.
   */
  readonly hostMap?: Readonly<Record<string, string>>;
  readonly fetch?: FetchLike;
  /** Per request, from the moment it is sent (after `beforeRequest`); default DEFAULT_REQUEST_TIMEOUT_MS. */
  readonly timeoutMs?: number;
  /** Names the caller in Zendesk's (and the simulator's) logs. */
  readonly userAgent?: string;
  /**
   * Runs before every request with its path (no query), e.g. to wait for budget or check a lease;
   * throws to refuse the request. Its wait does not count against the timeout.
   */
  readonly beforeRequest?: (path: string) => Promise<void>;
  readonly onResponse?: (meta: ResponseMeta) => void;
  readonly now?: () => number;
}

export function createCore(options: CoreOptions): RequestCore {
  const endpoint = parseZendeskEndpoint(options.endpoint);
  const mapped = options.hostMap?.[endpoint.host];
  const baseUrl = mapped ? new URL(mapped).origin : endpoint.origin;
  return {
    endpoint,
    baseUrl,
    hostHeader: mapped ? endpoint.host : null,
    transport: options.fetch ?? (mapped ? createHostHeaderTransport() : globalFetch),
    timeoutMs: options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    userAgent: options.userAgent ?? null,
    beforeRequest: options.beforeRequest,
    now: options.now ?? Date.now,
    onResponse: options.onResponse,
  };
}
