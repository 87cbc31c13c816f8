import http from 'node:http';
import https from 'node:https';

export interface TransportRequest {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** The subset of fetch the client uses; inject a stub in tests. */
export type FetchLike = (url: string, init: TransportRequest) => Promise<Response>;

export const globalFetch: FetchLike = (url, init) =>
  fetch(url, { method: init.method, headers: init.headers, ...(init.body !== undefined ? { body: init.body } : {}) });

/**
 * Node's fetch drops a caller's Host header, and the simulator picks the account by Host only,
 * so requests to a hostMap base URL go through node:http with keep-alive and an explicit Host.
 */
export function createHostHeaderTransport(): FetchLike {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const request = (secure ? https : http).request(
        target,
        { method: init.method, headers: init.headers, agent: secure ? agents.https : agents.http },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
                headers.append(name, v);
            }
            const status = res.statusCode ?? 500;
            const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
            resolve(new Response(body, { status, headers }));
          });
        },
      );
      request.on('error', reject);
      if (init.body !== undefined) request.write(init.body);
      request.end();
    });
}
