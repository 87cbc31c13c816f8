import http from 'node:http';
import https from 'node:https';

export interface TransportRequest {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Aborts the request and the reading of its body (the client's per-request timeout). */
  readonly signal: AbortSignal;
}

/** The subset of fetch the client uses; inject a stub in tests. */
export type FetchLike = (url: string, init: TransportRequest) => Promise<Response>;

export const globalFetch: FetchLike = (url, init) =>
  fetch(url, {
    method: init.method,
    headers: init.headers,
    signal: init.signal,
    ...(init.body !== undefined ? { body: init.body } : {}),
  });

const toHeaders = (incoming: http.IncomingHttpHeaders): Headers => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  return headers;
};

/**
 * Node's fetch drops a caller's Host header, and the simulator picks the account by Host only,
 * so requests to a hostMap base URL go through node:http with keep-alive and an explicit Host.
 * The signal destroys the socket whether the answer has not started or stalls halfway.
 */
export function createHostHeaderTransport(): FetchLike {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const request = (secure ? https : http).request(
        target,
        { method: init.method, headers: init.headers, agent: secure ? agents.https : agents.http, signal: init.signal },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('aborted', () => reject(new Error('Zendesk closed the response early')));
          res.on('end', () => {
            const status = res.statusCode ?? 500;
            const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
            resolve(new Response(body, { status, headers: toHeaders(res.headers) }));
          });
        },
      );
      request.on('error', reject);
      if (init.body !== undefined) request.write(init.body);
      request.end();
    });
}
