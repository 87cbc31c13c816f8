import { hasPromtool, nonCountersNamedTotal, promtoolProblems } from '@zc/testing';
import { describe, expect, it } from 'vitest';
import { hostInject, seedAccount, simForFile } from './testing/harness';

const sim = simForFile();

describe('ops endpoints under /_sim/', () => {
  it('answers liveness and readiness', async () => {
    for (const [url, body] of [
      ['/_sim/healthz', { status: 'ok' }],
      ['/_sim/readyz', { status: 'ready', checks: [] }],
    ] as const) {
      const res = await sim().app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(body);
    }
  });

  it('exposes Prometheus metrics with request durations by route template', async () => {
    const acct = seedAccount(sim(), 'ops-metrics');
    await hostInject(sim(), acct.subdomain, '/api/v2/audit_logs/12345.json', { token: acct.adminToken });
    const res = await sim().app.inject({ method: 'GET', url: '/_sim/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('process_cpu_user_seconds_total{service="zendesk-sim"}');
    expect(res.body).toContain(
      'http_request_duration_seconds_count{service="zendesk-sim",route="/api/v2/audit_logs/:id",method="GET",status_code="404"} 1',
    );
  });

  it('follows Prometheus naming: no gauge ends in _total', async () => {
    const res = await sim().app.inject({ method: 'GET', url: '/_sim/metrics' });
    expect(nonCountersNamedTotal(res.body)).toEqual([]);
  });

  it.skipIf(!hasPromtool())('passes promtool check metrics', async () => {
    const res = await sim().app.inject({ method: 'GET', url: '/_sim/metrics' });
    expect(promtoolProblems(res.body)).toBe('');
  });

  it('leaves the Zendesk paths to Zendesk: /metrics on an account is its 404', async () => {
    const acct = seedAccount(sim(), 'ops-paths');
    const res = await hostInject(sim(), acct.subdomain, '/metrics');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'InvalidEndpoint', description: 'Not found' });
  });
});
