import { hasPromtool, nonCountersNamedTotal, promtoolProblems } from '@zc/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFailureApp } from './testing/failure-app';

describe('GET /metrics in Prometheus’ own format rules', async () => {
  const app = await buildFailureApp();
  afterAll(() => app.close());
  const page = async () => {
    await app.inject({ method: 'GET', url: '/healthz' });
    return (await app.inject({ method: 'GET', url: '/metrics' })).body;
  };

  it('names no gauge like a counter (`_total`), yet keeps the per-type Node.js gauges', async () => {
    const body = await page();
    expect(nonCountersNamedTotal(body)).toEqual([]);
    expect(body).toContain('# TYPE nodejs_active_handles gauge');
    expect(body).toContain('# TYPE process_cpu_seconds_total counter');
  });

  it.skipIf(!hasPromtool())('passes promtool check metrics', async () => {
    expect(promtoolProblems(await page())).toBe('');
  });
});
