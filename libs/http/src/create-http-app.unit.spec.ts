import { describe, expect, it } from 'vitest';
import { createHttpApp } from './create-http-app';
import { failureAppPerTest } from './testing/failure-app';

const build = failureAppPerTest();

describe('correlation id', () => {
  it('echoes the caller’s x-correlation-id', async () => {
    const response = await (
      await build()
    ).inject({ method: 'GET', url: '/healthz', headers: { 'x-correlation-id': 'abc-123' } });
    expect(response.headers['x-correlation-id']).toBe('abc-123');
  });

  it('generates one when absent or malformed', async () => {
    const built = await build();
    const absent = await built.inject({ method: 'GET', url: '/healthz' });
    const malformed = await built.inject({ method: 'GET', url: '/healthz', headers: { 'x-correlation-id': 'a b\n' } });
    expect(absent.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(malformed.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('probes', () => {
  it('/healthz is 200 while the process is alive', async () => {
    const response = await (await build()).inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is 200 when every check passes', async () => {
    const built = await build();
    built.registerReadinessCheck('mongo', async () => {});
    const response = await built.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ready', checks: [{ name: 'mongo', status: 'ok' }] });
  });

  it('/readyz is 503 naming the failing and timed-out checks, without their error messages', async () => {
    const built = await build({ readinessCheckTimeoutMs: 50 });
    built.registerReadinessCheck('mongo', async () => {});
    built.registerReadinessCheck('kafka', () => {
      throw new Error('broker kafka-internal-7:9092 unreachable');
    });
    built.registerReadinessCheck('consumer', () => false);
    built.registerReadinessCheck('slow', () => new Promise<void>(() => {}));
    const response = await built.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      status: 'not_ready',
      checks: [
        { name: 'mongo', status: 'ok' },
        { name: 'kafka', status: 'failed' },
        { name: 'consumer', status: 'failed' },
        { name: 'slow', status: 'timeout' },
      ],
    });
    expect(response.body).not.toContain('kafka-internal-7');
  });

  it('/readyz carries a report’s detail, ready or not', async () => {
    const built = await build();
    built.registerReadinessCheck('outbox', () => ({ ready: true, detail: { state: 'waiting', waitingEvents: 3 } }));
    built.registerReadinessCheck('publishing', () => Promise.resolve({ ready: false, detail: { state: 'blocked' } }));
    const response = await built.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      checks: [
        { name: 'outbox', status: 'ok', detail: { state: 'waiting', waitingEvents: 3 } },
        { name: 'publishing', status: 'failed', detail: { state: 'blocked' } },
      ],
    });
  });
});

describe('metrics', () => {
  it('exposes the request duration histogram by route template, method and status', async () => {
    const built = await build();
    await built.inject({ method: 'GET', url: '/v1/items/42' });
    const requests = built.metrics.counter({ name: 'zc_test_total', help: 'test counter' });
    requests.inc();
    const response = await built.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toContain('# TYPE http_request_duration_seconds histogram');
    expect(response.body).toMatch(
      /http_request_duration_seconds_count\{service="test-service",route="\/v1\/items\/:id",method="GET",status_code="409"\} 1/,
    );
    expect(response.body).toContain('zc_test_total{service="test-service"} 1');
    expect(response.body).toContain('process_cpu_user_seconds_total');
  });

  it('keeps registries per app', async () => {
    const first = await createHttpApp({ serviceName: 'a', logger: { level: 'silent' } });
    const second = await createHttpApp({ serviceName: 'b', logger: { level: 'silent' } });
    first.metrics.counter({ name: 'only_in_a', help: 'x' });
    expect(await second.metrics.registry.metrics()).not.toContain('only_in_a');
    await Promise.all([first.close(), second.close()]);
  });
});

describe('platform', () => {
  it('sets security headers', async () => {
    const response = await (await build()).inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  it('rate-limits by client with a RATE_LIMITED problem and Retry-After', async () => {
    const built = await build({ rateLimit: { max: 2, timeWindowMs: 60_000 } });
    await built.inject({ method: 'GET', url: '/v1/conflict' });
    await built.inject({ method: 'GET', url: '/v1/conflict' });
    const response = await built.inject({ method: 'GET', url: '/v1/conflict' });
    expect(response.statusCode).toBe(429);
    expect(response.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect((await built.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('serves the OpenAPI document with zod schemas, and the UI', async () => {
    const built = await build();
    await built.ready();
    const spec = await built.inject({ method: 'GET', url: '/openapi.json' });
    expect(spec.statusCode).toBe(200);
    const document = spec.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(JSON.stringify(document.paths['/v1/connectors'])).toContain('clientId');
    const ui = await built.inject({ method: 'GET', url: '/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });
});
