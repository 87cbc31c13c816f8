import { describe, expect, it } from 'vitest';
import { runConnectionChecks } from './application/connection-test';
import { authHarnessForFile, followCallback, registerAndConsent } from './testing/auth-harness';

const TIMEOUT_MS = 300;
/** Far past the timeout: to the auth service this Zendesk never answers. */
const STALL_MS = 20_000;

const h = authHarnessForFile(import.meta.url, { zendeskTimeout: String(TIMEOUT_MS) });

/** Runs `call` and returns its result with how long it took. */
async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await call();
  return { result, ms: performance.now() - started };
}

describe('a Zendesk that stops answering (ZENDESK_REQUEST_TIMEOUT)', () => {
  it('fails the OAuth callback within the timeout instead of holding the request', async () => {
    const { id, redirect } = await registerAndConsent(h(), 'stalls-callback');
    h().sim.control.setLatency('stalls-callback', STALL_MS);
    const { result, ms } = await timed(() => followCallback(h(), redirect));
    expect(result.json()).toMatchObject({ ok: false, connectorId: id, reason: 'UPSTREAM_ERROR' });
    expect(result.json<{ message: string }>().message).toContain(`did not answer within ${String(TIMEOUT_MS)} ms`);
    // The exchange times out; nothing else is tried with a token we never got.
    expect(ms).toBeLessThan(TIMEOUT_MS + 3_000);
  });

  it('fails Test now checks and token refresh within the timeout', async () => {
    const { id, redirect } = await registerAndConsent(h(), 'stalls-later', { tokenMode: 'expiring' });
    expect((await followCallback(h(), redirect)).json()).toMatchObject({ ok: true });
    h().sim.control.setLatency('stalls-later', STALL_MS);

    const checks = await timed(() => runConnectionChecks(h().runtime.deps, id));
    expect(checks.result[0]).toMatchObject({ name: 'token_valid', ok: false, code: 'UPSTREAM_ERROR' });
    expect(checks.result[0]?.message).toContain('did not answer within');
    expect(checks.ms).toBeLessThan(TIMEOUT_MS + 3_000);

    h().clock.advance(26 * 60_000);
    const refresh = await timed(() => h().runtime.maintainTokens());
    expect(refresh.result.get(id)).toBe('failed');
    expect(refresh.ms).toBeLessThan(TIMEOUT_MS + 3_000);
  });
});
