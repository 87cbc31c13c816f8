import { afterEach, describe, expect, it } from 'vitest';
import { createHttpApp, type HttpApp } from './create-http-app';
import { createLogger } from './logger';
import { redactSecrets, redactUrl } from './redact';

const captured = () => {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
};

const SECRET = 'sup3r-s3cret-value-9f2c';

let app: HttpApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('log redaction', () => {
  it('keeps secrets in a request body and in logged objects out of the log output', async () => {
    const { lines, destination } = captured();
    app = await createHttpApp({ serviceName: 'log-test', logger: { level: 'trace', destination } });
    app.post('/v1/connectors', (request) => {
      request.log.info({ body: request.body }, 'registering connector');
      request.log.info(
        { connector: { name: 'acme', credentials: { client_secret: SECRET, tokens: [{ accessToken: SECRET }] } } },
        'nested',
      );
      request.log.warn({ config: { password: SECRET, apiKey: SECRET, refresh_token: SECRET } }, 'flat');
      throw new Error('boom');
    });
    const response = await app.inject({
      method: 'POST',
      url: `/v1/connectors?code=${SECRET}&page=2`,
      headers: { authorization: `Bearer ${SECRET}`, cookie: `session=${SECRET}`, 'x-api-key': SECRET },
      payload: { name: 'acme', clientId: 'abc', clientSecret: SECRET },
    });
    expect(response.statusCode).toBe(500);
    const output = lines.join('');
    expect(output).toContain('registering connector');
    expect(output).toContain('"clientId":"abc"');
    expect(output).toContain('[redacted]');
    expect(output).not.toContain(SECRET);
  });

  it('puts the service and correlation id on request log lines', async () => {
    const { lines, destination } = captured();
    app = await createHttpApp({ serviceName: 'log-test', logger: { level: 'info', destination } });
    await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-correlation-id': 'corr-1' } });
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.some((entry) => entry['correlationId'] === 'corr-1' && entry['service'] === 'log-test')).toBe(true);
  });

  it('keeps the OAuth callback code and state out of request log lines', async () => {
    const { lines, destination } = captured();
    app = await createHttpApp({ serviceName: 'log-test', logger: { level: 'info', destination } });
    app.get('/api/oauth/saga', () => ({ ok: true }));
    await app.inject({ method: 'GET', url: `/api/oauth/saga?code=code-${SECRET}&state=state-${SECRET}` });
    const output = lines.join('');
    expect(output).toContain('/api/oauth/saga?code=%5Bredacted%5D&state=%5Bredacted%5D');
    expect(output).not.toContain(SECRET);
  });

  it('redacts a logger used outside Fastify too', () => {
    const { lines, destination } = captured();
    createLogger({ serviceName: 'x', destination }).info({ deep: { a: { b: { c: { token: SECRET } } } } });
    expect(lines.join('')).not.toContain(SECRET);
  });
});

describe('redactSecrets', () => {
  it('replaces sensitive keys at any depth and in arrays, leaving the rest', () => {
    expect(
      redactSecrets({ id: 1, list: [{ client_secret: 'x', name: 'n' }], a: { b: { Authorization: 'y', ok: true } } }),
    ).toEqual({
      id: 1,
      list: [{ client_secret: '[redacted]', name: 'n' }],
      a: { b: { Authorization: '[redacted]', ok: true } },
    });
  });

  it('survives cycles and keeps shared references', () => {
    const shared = { v: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic['self'] = cyclic;
    expect(redactSecrets(cyclic)).toEqual({ shared: { v: 1 }, again: { v: 1 }, self: '[circular]' });
  });

  it('hides credentials in query strings only', () => {
    expect(redactUrl('/api/oauth/saga?code=abc&state=s1')).toBe(
      '/api/oauth/saga?code=%5Bredacted%5D&state=%5Bredacted%5D',
    );
    expect(redactUrl('/v1/x?access_token=t&page=2')).toBe('/v1/x?access_token=%5Bredacted%5D&page=2');
    expect(redactUrl('/v1/x?page=2')).toBe('/v1/x?page=2');
  });
});
