import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { waitFor } from '@zc/testing';
import { auth, seedZendesk, authHarnessForFile } from './testing/auth-harness';

const SECRET = 'super-secret-client-value-0042';

const h = authHarnessForFile(import.meta.url);

const valid = { name: 'Acme', clientId: 'cas', clientSecret: SECRET, endpoint: 'acme.zendesk.com' };
const post = (url: string, payload: unknown, headers: Record<string, string> = auth) =>
  h().runtime.app.inject({ method: 'POST', url, headers, payload: payload as object });
const commits = () => h().runtime.mongo.db.collection('event_commits').countDocuments();

async function registered(subdomain: string, secret = SECRET): Promise<string> {
  const response = await post('/v1/connectors', {
    ...valid,
    endpoint: `${subdomain}.zendesk.com`,
    clientSecret: secret,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

describe('bad input: 400 naming the field, nothing appended', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['name missing', { ...valid, name: undefined }, 'body.name'],
    ['name empty', { ...valid, name: '  ' }, 'body.name'],
    ['name too long', { ...valid, name: 'x'.repeat(201) }, 'body.name'],
    ['name not a string', { ...valid, name: 42 }, 'body.name'],
    ['clientId missing', { ...valid, clientId: undefined }, 'body.clientId'],
    ['clientId empty', { ...valid, clientId: '' }, 'body.clientId'],
    ['clientId not a string', { ...valid, clientId: ['a'] }, 'body.clientId'],
    ['clientSecret missing', { ...valid, clientSecret: undefined }, 'body.clientSecret'],
    ['clientSecret empty', { ...valid, clientSecret: '' }, 'body.clientSecret'],
    ['clientSecret not a string', { ...valid, clientSecret: { a: 1 } }, 'body.clientSecret'],
    ['endpoint missing', { ...valid, endpoint: undefined }, 'body.endpoint'],
    ['endpoint a URL', { ...valid, endpoint: 'https://acme.zendesk.com' }, 'body.endpoint'],
    ['endpoint not a string', { ...valid, endpoint: 7 }, 'body.endpoint'],
    ['rate limit zero', { ...valid, rateLimitPerMinute: 0 }, 'body.rateLimitPerMinute'],
    ['rate limit above 2500', { ...valid, rateLimitPerMinute: 2501 }, 'body.rateLimitPerMinute'],
    ['rate limit fractional', { ...valid, rateLimitPerMinute: 1.5 }, 'body.rateLimitPerMinute'],
    ['rate limit a string', { ...valid, rateLimitPerMinute: '200' }, 'body.rateLimitPerMinute'],
    ['unknown field', { ...valid, tenant: 'x' }, 'body'],
    ['NUL in name', { ...valid, name: 'Ac\u0000me' }, 'body.name'],
    ['NUL in clientId', { ...valid, clientId: 'cas\u0000' }, 'body.clientId'],
    ['NUL in clientSecret', { ...valid, clientSecret: `${SECRET}\u0000` }, 'body.clientSecret'],
    ['newline in name', { ...valid, name: 'Acme\nInc' }, 'body.name'],
    ['trailing newline in name', { ...valid, name: 'Acme\n' }, 'body.name'],
    ['BEL in name', { ...valid, name: 'Acme\u0007' }, 'body.name'],
    ['C1 control in name', { ...valid, name: 'Acme\u0085' }, 'body.name'],
    ['right-to-left override in name', { ...valid, name: 'Acme\u202Egpj.exe' }, 'body.name'],
    ['bidi isolate in clientId', { ...valid, clientId: 'cas\u2066x\u2069' }, 'body.clientId'],
    ['tab in endpoint', { ...valid, endpoint: 'acme.zendesk.com\t' }, 'body.endpoint'],
  ];
  it.each(cases)('register: %s', async (_label, body, field) => {
    const before = await commits();
    const response = await post('/v1/connectors', body);
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json<{ code: string; errors: { field: string }[] }>();
    expect(problem.errors.map((e) => e.field)).toContain(field);
    expect(response.body).not.toContain(SECRET);
    expect(await commits()).toBe(before);
  });

  it('every other command refuses bad input the same way', async () => {
    const id = await registered('badinput');
    const before = await commits();
    const bad: [string, string, unknown, string][] = [
      ['PATCH', `/v1/connectors/${id}`, { rateLimitPerMinute: 0 }, 'body.rateLimitPerMinute'],
      ['PATCH', `/v1/connectors/${id}`, {}, 'body.rateLimitPerMinute'],
      ['PATCH', `/v1/connectors/${id}`, { name: 'Renamed' }, 'body.name'],
      ['PATCH', `/v1/connectors/${id}`, { name: 'Bad\u202Ename' }, 'body.name'],
      ['POST', `/v1/connectors/${id}/credentials`, { clientId: 'c\u0000', clientSecret: 'ok-secret' }, 'body.clientId'],
      ['POST', `/v1/connectors/${id}/credentials`, { clientSecret: 'bad\u001bsecret' }, 'body.clientSecret'],
      ['POST', `/v1/connectors/${id}/credentials`, { clientSecret: '' }, 'body.clientSecret'],
      ['POST', `/v1/connectors/${id}/recollect`, { from: 'yesterday', to: '2026-05-08T00:00:00Z' }, 'body.from'],
      ['POST', `/v1/connectors/${id}/recollect`, { from: '2026-05-01T00:00:00Z' }, 'body.to'],
      ['GET', '/v1/connectors/not-a-uuid', undefined, 'params.id'],
    ];
    for (const [method, url, payload, field] of bad) {
      const response = await h().runtime.app.inject({
        method: method as 'POST',
        url,
        headers: auth,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      expect(response.statusCode, `${method} ${url} ${response.body}`).toBe(400);
      expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
    }
    expect(await commits()).toBe(before);
  });
});

describe('endpoint validation', () => {
  const refused = [
    '127.0.0.1',
    '[::1]',
    'acme.zendesk.com.evil.com',
    'evil.com',
    'zendesk.com',
    'acme.zendesk.com:443',
    'acme.zendesk.com:8089',
    'user:pass@acme.zendesk.com',
    'user@acme.zendesk.com',
    'acme.zendesk.com.',
    'acme.zendesk.com/path',
    'acme.zendеsk.com', // Cyrillic e
    'аcme.zendesk.com', // Cyrillic a
    'acme.xn--zendsk-3ve.com',
    'a_b.zendesk.com',
    '-acme.zendesk.com',
    'acme.sub.zendesk.com',
    '',
  ];
  it.each(refused)('refuses %j', async (endpoint) => {
    const response = await post('/v1/connectors', { ...valid, endpoint });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain('body.endpoint');
  });

  it('accepts <account>.zendesk.com, normalising case and whitespace', async () => {
    const response = await post('/v1/connectors', { ...valid, endpoint: ' Normal-Case.Zendesk.com ' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      endpoint: 'normal-case.zendesk.com',
      rateLimitPerMinute: 200,
      redirectUrl: 'https://connector.example.test/api/oauth/saga',
    });
  });
});

describe('admin authentication', () => {
  it('401 without or with a wrong key, as problem details', async () => {
    for (const headers of [{}, { authorization: `Bearer zck_0123456789abcdef_${'x'.repeat(43)}` }]) {
      const response = await h().runtime.app.inject({ method: 'GET', url: '/v1/connectors', headers });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('403 when the key lacks the scope, and the key named in events', async () => {
    const readOnly = await h().runtime.deps.apiKeys.create({ name: 'ro', scopes: ['connectors:read'] });
    const headers = { authorization: `Bearer ${readOnly.presented}` };
    expect((await h().runtime.app.inject({ method: 'GET', url: '/v1/connectors', headers })).statusCode).toBe(200);
    const denied = await post('/v1/connectors', valid, headers);
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'FORBIDDEN_SCOPE' });
  });

  it('sends security headers', async () => {
    const response = await h().runtime.app.inject({ method: 'GET', url: '/v1/connectors', headers: auth });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-ratelimit-limit']).toBeDefined();
  });
});

describe('lifecycle commands', () => {
  it('tests the connection asynchronously and shows the last result', async () => {
    const seeded = seedZendesk(h().sim, 'testnow');
    const id = await registered('testnow', seeded.clientSecret);
    const started = await post(`/v1/connectors/${id}/authorize`, undefined);
    const url = new URL(started.json<{ authorizeUrl: string }>().authorizeUrl);
    const consent = await h().sim.app.inject({
      url: `${url.pathname}${url.search}`,
      headers: { host: 'testnow.zendesk.com' },
    });
    const back = new URL(String(consent.headers.location));
    expect((await h().runtime.app.inject({ url: `${back.pathname}${back.search}` })).statusCode).toBe(200);

    // Slow Zendesk answers make each check's completion observable on its own.
    h().sim.control.setLatency('testnow', 400);
    const accepted = await post(`/v1/connectors/${id}/test`, undefined);
    expect(accepted.statusCode).toBe(202);
    const testId = accepted.json<{ testId: string }>().testId;
    type Run = { status: string; ok: boolean | null; checks: { name: string; state: string; ok?: boolean }[] };
    const run = async () =>
      (await h().runtime.app.inject({ url: `/v1/connectors/${id}/tests/${testId}`, headers: auth })).json<Run>();
    const states = (r: Run) => r.checks.map((c) => `${c.name}:${c.state}`);
    const first = await run();
    expect(first.ok).toBeNull();
    expect(first.checks.map((c) => c.name)).toEqual(['token_valid', 'admin_role', 'audit_log_access']);
    const partial = await waitFor(async () => {
      const r = await run();
      return r.checks[0]?.state === 'done' ? r : null;
    });
    expect(partial.status).toBe('running');
    expect(states(partial)).toContain('audit_log_access:pending');
    const done = await waitFor(async () => {
      const r = await run();
      return r.status === 'completed' ? r : null;
    });
    expect(done.ok).toBe(true);
    expect(states(done)).toEqual(['token_valid:done', 'admin_role:done', 'audit_log_access:done']);
    h().sim.control.setLatency('testnow', 0);
    const other = await h().runtime.app.inject({
      url: `/v1/connectors/${id}/tests/00000000-0000-4000-8000-000000000000`,
      headers: auth,
    });
    expect(other.json()).toMatchObject({ code: 'TEST_NOT_FOUND' });
    const view = await waitFor(async () => {
      const response = await h().runtime.app.inject({ url: `/v1/connectors/${id}`, headers: auth });
      const body = response.json<{ lastTest: { ok: boolean; checks: { name: string; ok: boolean }[] } | null }>();
      return body.lastTest === null ? null : body;
    });
    expect(view.lastTest?.ok).toBe(true);
    expect(view.lastTest?.checks.map((c) => c.name)).toEqual(['token_valid', 'admin_role', 'audit_log_access']);
    await waitFor(() => h().events.find((e) => e.eventId === testId));

    // Demoted: Test now names the reason.
    h().sim.control.setUserRole('testnow', seeded.userId, { role: 'agent' });
    await post(`/v1/connectors/${id}/test`, undefined);
    await waitFor(async () => {
      const response = await h().runtime.app.inject({ url: `/v1/connectors/${id}`, headers: auth });
      const last = response.json<{ lastTest: { checks: { name: string; code?: string }[] } }>().lastTest;
      return last.checks.find((c) => c.name === 'admin_role')?.code === 'NOT_ADMIN';
    });

    const limited = await h().runtime.app.inject({
      method: 'PATCH',
      url: `/v1/connectors/${id}`,
      headers: auth,
      payload: { rateLimitPerMinute: 400 },
    });
    expect(limited.json()).toMatchObject({ rateLimitPerMinute: 400 });

    const now = new Date(h().clock.now());
    const recollect = await post(`/v1/connectors/${id}/recollect`, {
      from: new Date(now.getTime() - 86_400_000).toISOString(),
      to: now.toISOString(),
    });
    expect(recollect.statusCode, recollect.body).toBe(202);
    const tooWide = await post(`/v1/connectors/${id}/recollect`, {
      from: new Date(now.getTime() - 40 * 86_400_000).toISOString(),
      to: now.toISOString(),
    });
    expect(tooWide.statusCode).toBe(400);

    const rotated = await post(`/v1/connectors/${id}/credentials`, { clientSecret: 'rotated-secret-value-1234' });
    expect(rotated.json()).toMatchObject({
      needsReconnect: true,
      nextStep: expect.stringContaining('authorize') as unknown,
    });

    const gone = await h().runtime.app.inject({ method: 'DELETE', url: `/v1/connectors/${id}`, headers: auth });
    expect(gone.json()).toMatchObject({ state: 'disconnected', disconnected: { tokenRevoked: true } });
    const disconnected = await waitFor(() =>
      h().events.find((e) => e.connectorId === id && e.type === 'ConnectorDisconnected'),
    );
    expect(disconnected.data).toEqual({ tokenRevoked: true, revocationError: null });
    const types = h()
      .events.filter((e) => e.connectorId === id)
      .map((e) => e.sequence);
    expect(types).toEqual([...types].sort((a, b) => a - b));
  });

  it('never shows a secret from a request body in responses, logs or events', async () => {
    const id = await registered('redaction');
    const listed = await h().runtime.app.inject({ url: '/v1/connectors', headers: auth });
    const one = await h().runtime.app.inject({ url: `/v1/connectors/${id}`, headers: auth });
    await waitFor(() => h().events.find((e) => e.connectorId === id));
    for (const text of [listed.body, one.body, h().logLines.join('\n'), JSON.stringify(h().events)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk');
    }
  });
});

describe('transport: JSON only, every error problem details', () => {
  it('refuses a form-encoded registration with 415 and appends nothing', async () => {
    const before = await commits();
    const response = await h().runtime.app.inject({
      method: 'POST',
      url: '/v1/connectors',
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...valid, endpoint: 'formbody.zendesk.com' }).toString(),
    });
    expect(response.statusCode, response.body).toBe(415);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(await commits()).toBe(before);
  });

  it('answers a __proto__ body with problem details that say why', async () => {
    const response = await h().runtime.app.inject({
      method: 'POST',
      url: '/v1/connectors',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: `{"__proto__":{"x":1},"name":"a"}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'FORBIDDEN_JSON_KEY' });
  });

  it("answers a 100 KB OAuth state with 431 problem details, not Fastify's default body", async () => {
    await h().runtime.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h().runtime.app.server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${String(port)}/api/oauth/saga?code=x&state=${'s'.repeat(100_000)}`);
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 431, code: 'REQUEST_HEADER_FIELDS_TOO_LARGE' });
  });

  it('refuses control characters in the OAuth callback query, naming the parameter', async () => {
    const response = await h().runtime.app.inject({
      method: 'GET',
      url: `/api/oauth/saga?code=abc&state=${encodeURIComponent('s\u202Et')}`,
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json<{ errors: { field: string }[] }>();
    expect(problem.errors.map((e) => e.field)).toContain('querystring.state');
  });
});
