import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZendeskClient } from './client';
import { RequestTimeoutError, TransientError } from './errors';
import { createZendeskOAuth } from './oauth';

/** A loopback "Zendesk" that never answers /hang and stalls /stall after its headers. */
let server: Server;
let baseUrl: string;
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    held.push(response);
    if (request.url?.startsWith('/api/v2/users/me.json')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"user":');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  for (const response of held) response.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const hostMap = () => ({ 'acme.zendesk.com': baseUrl });
const stalledClient = () =>
  createZendeskClient({ endpoint: 'acme.zendesk.com', accessToken: 't', hostMap: hostMap(), timeoutMs: 200 });

describe('request timeout', () => {
  it('fails a call Zendesk never answers with ZENDESK_TIMEOUT within the timeout', async () => {
    const client = stalledClient();
    const started = performance.now();
    const error = await client.getToken('current').catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'ZENDESK_TIMEOUT', timeoutMs: 200 });
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('also fails a response that stalls halfway through its body', async () => {
    const client = stalledClient();
    await expect(client.getMe()).rejects.toMatchObject({ code: 'ZENDESK_TIMEOUT' });
  });

  it('covers the token endpoint (code exchange, refresh)', async () => {
    const oauth = createZendeskOAuth({
      endpoint: 'acme.zendesk.com',
      clientId: 'c',
      hostMap: hostMap(),
      timeoutMs: 200,
    });
    await expect(oauth.refresh({ refreshToken: 'r' })).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it('does not count the wait before a request (budget) against it', async () => {
    const paths: string[] = [];
    const client = createZendeskClient({
      endpoint: 'acme.zendesk.com',
      accessToken: 't',
      timeoutMs: 200,
      beforeRequest: async (path) => {
        paths.push(path);
        // The wait is the subject: a budget wait longer than the timeout, which must not abort the request.
        await new Promise((resolve) => setTimeout(resolve, 300));
      },
      fetch: (_url, init) =>
        Promise.resolve(
          init.signal.aborted
            ? Response.error()
            : new Response(JSON.stringify({ token: { id: 1, client_id: 2, user_id: 3, scopes: [] } }), { status: 200 }),
        ),
    });
    await expect(client.getToken('current')).resolves.toMatchObject({ id: 1 });
    expect(paths).toEqual(['/api/v2/oauth/tokens/current.json']);
  });
});
