import http from 'node:http';
import https from 'node:https';
import type { FetchLike } from '@zc/zendesk';

/** Runs before every Zendesk request: waits for budget, checks the lease is still ours. Throws to refuse. */
export type RequestGate = (path: string) => Promise<void>;

export interface TransportOptions {
  /** Names the instance in Zendesk's (and the simulator's) logs. */
  readonly userAgent: string;
  readonly gate: RequestGate;
}

const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

/**
 * The one place every request of a connector passes, so no call can skip the budget or outlive the
 * lease. Uses node:http rather than fetch because fetch drops an explicit Host header, which the
 * simulator (a trusted ZENDESK_HOST_OVERRIDE_URL) needs to pick the account.
 */
export function createGatedTransport(options: TransportOptions): FetchLike {
  return async (url, init) => {
    const target = new URL(url);
    await options.gate(target.pathname);
    const headers = { ...init.headers, 'user-agent': options.userAgent };
    const secure = target.protocol === 'https:';
    return new Promise<Response>((resolve, reject) => {
      const request = (secure ? https : http).request(
        target,
        { method: init.method, headers, agent: secure ? agents.https : agents.http },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
                responseHeaders.append(name, v);
              }
            }
            const status = res.statusCode ?? 500;
            const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
            resolve(new Response(body, { status, headers: responseHeaders }));
          });
        },
      );
      request.setTimeout(30_000, () => request.destroy(new Error('Zendesk request timed out')));
      request.on('error', reject);
      if (init.body !== undefined) request.write(init.body);
      request.end();
    });
  };
}
