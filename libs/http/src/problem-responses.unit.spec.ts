import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { failureAppPerTest } from './testing/failure-app';

const build = failureAppPerTest({ bodyLimitBytes: 1_024 });

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
}

const expectProblem = (
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  code: string,
): Problem => {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(response.body) as Problem;
  expect(problem).toMatchObject({ status, code, type: expect.stringMatching(/^urn:zc:problem:/) as unknown });
  expect(problem.title.length).toBeGreaterThan(0);
  expect(problem.detail.length).toBeGreaterThan(0);
  return problem;
};

/** A raw request, so neither a client library nor inject() shortcuts the node server's own parsing. */
const rawRequest = (port: number, head: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString()));
    socket.on('error', reject);
    socket.write(head);
  });

describe('every error the HTTP layer emits is problem details with a stable code', () => {
  it('415 for a form-encoded body: the APIs are JSON only', async () => {
    const response = await (
      await build()
    ).inject({
      method: 'POST',
      url: '/v1/connectors',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=a&clientId=b',
    });
    expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('415 for text/plain', async () => {
    const response = await (
      await build()
    ).inject({ method: 'POST', url: '/v1/connectors', headers: { 'content-type': 'text/plain' }, payload: 'hi' });
    expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('400 MALFORMED_REQUEST for a body that does not parse', async () => {
    const response = await (
      await build()
    ).inject({ method: 'POST', url: '/v1/connectors', headers: { 'content-type': 'application/json' }, payload: '{' });
    expectProblem(response, 400, 'MALFORMED_REQUEST');
  });

  it('400 FORBIDDEN_JSON_KEY for a __proto__ or constructor.prototype body, saying why', async () => {
    const built = await build();
    for (const payload of ['{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}']) {
      const response = await built.inject({
        method: 'POST',
        url: '/v1/connectors',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      const problem = expectProblem(response, 400, 'FORBIDDEN_JSON_KEY');
      expect(problem.detail).toMatch(/__proto__|prototype/);
    }
  });

  it('413 for a body over the limit', async () => {
    const response = await (
      await build()
    ).inject({
      method: 'POST',
      url: '/v1/connectors',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2_000) }),
    });
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('404 for an unknown route and 405 (with Allow) for a known path with another method', async () => {
    const built = await build();
    expectProblem(await built.inject({ method: 'GET', url: '/v1/nothing-here' }), 404, 'NOT_FOUND');
    const wrongMethod = await built.inject({ method: 'DELETE', url: '/v1/items/42' });
    expectProblem(wrongMethod, 405, 'METHOD_NOT_ALLOWED');
    expect(wrongMethod.headers['allow']).toContain('GET');
  });

  it('431 for a 100 KB query string, answered by the node server before any route', async () => {
    const built = await build();
    await built.listen({ port: 0, host: '127.0.0.1' });
    const { port } = built.server.address() as AddressInfo;
    const raw = await rawRequest(
      port,
      `GET /api/oauth/saga?state=${'s'.repeat(100_000)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
    );
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head.toLowerCase()).toContain('content-type: application/problem+json');
    expect(JSON.parse(body)).toMatchObject({ status: 431, code: 'REQUEST_HEADER_FIELDS_TOO_LARGE' });
  });

  it('400 for a request line node cannot parse', async () => {
    const built = await build();
    await built.listen({ port: 0, host: '127.0.0.1' });
    const { port } = built.server.address() as AddressInfo;
    const raw = await rawRequest(port, 'NOT A REQUEST\r\n\r\n');
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(body)).toMatchObject({ status: 400, code: 'MALFORMED_REQUEST' });
  });
});

describe('URL-borne text', () => {
  it('refuses control and bidi characters in query and path parameters of any route, naming them', async () => {
    const built = await build();
    built.get('/v1/search', (request) => request.query);
    const query = await built.inject({ method: 'GET', url: `/v1/search?q=${encodeURIComponent('a\u0000b')}&ok=1` });
    expect(query.statusCode).toBe(400);
    expect(query.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'querystring.q', message: expect.stringContaining('U+0000') as unknown }],
    });
    const repeated = await built.inject({ method: 'GET', url: `/v1/search?q=ok&q=${encodeURIComponent('\u2067x')}` });
    expect(repeated.statusCode).toBe(400);
    const param = await built.inject({ method: 'GET', url: `/v1/items/${encodeURIComponent('x\u202Ey')}` });
    expect(param.statusCode).toBe(400);
    expect(param.json()).toMatchObject({ errors: [{ field: 'params.id' }] });
    expect((await built.inject({ method: 'GET', url: '/v1/search?q=caf%C3%A9%20au%20lait' })).statusCode).toBe(200);
  });
});
