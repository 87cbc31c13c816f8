import { parseZendeskEndpoint } from './endpoint';
import type { RequestCore, ResponseMeta } from './request';
import { type FetchLike, createHostHeaderTransport, globalFetch } from './transport';

export interface CoreOptions {
  /** `<account>.zendesk.com`, validated strictly. */
  readonly endpoint: string;
  /**
   * Trusted operator configuration (never user input): endpoint host → base URL, e.g.
   * `{ 'demo.zendesk.com': 'http://127.0.0.1:8089' }` to reach the simulator.
   */
  readonly hostMap?: Readonly<Record<string, string>>;
  readonly fetch?: FetchLike;
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
    now: options.now ?? Date.now,
    onResponse: options.onResponse,
  };
}
