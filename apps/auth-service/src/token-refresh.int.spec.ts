import { describe, expect, it } from 'vitest';
import { openTokenBundle, type ConnectorEvent } from '@zc/contracts';
import { waitFor } from '@zc/testing';
import { createZendeskOAuth, OAuthError } from '@zc/zendesk';
import { auth, followCallback, registerAndConsent, authHarnessForFile, type SeedOptions } from './testing/auth-harness';

const h = authHarnessForFile(import.meta.url);

async function connected(subdomain: string, seed: SeedOptions) {
  const { id, clientSecret, redirect } = await registerAndConsent(h(), subdomain, seed);
  expect((await followCallback(h(), redirect)).json()).toMatchObject({ ok: true });
  return { id, clientSecret };
}

const bundleOf = (id: string, event: ConnectorEvent) => {
  if (event.type !== 'ConnectorAuthorized' && event.type !== 'ConnectorTokenRefreshed') throw new Error(event.type);
  return openTokenBundle(h().runtime.deps.keyRing, id, event.data.tokenBundle);
};

describe('token lifecycle', () => {
  it('refreshes an expiring token before it expires; the old refresh token is dead at Zendesk', async () => {
    const { id, clientSecret } = await connected('expiring', { tokenMode: 'expiring' });
    const authorized = await waitFor(() =>
      h().events.find((e) => e.connectorId === id && e.type === 'ConnectorAuthorized'),
    );
    const first = bundleOf(id, authorized);
    expect(first.refreshToken).not.toBeNull();

    // 30 min life: nothing to do at first, a refresh once fewer than 5 minutes remain.
    expect((await h().runtime.maintainTokens()).get(id)).toBe('skipped');
    h().clock.advance(26 * 60_000);
    expect((await h().runtime.maintainTokens()).get(id)).toBe('refreshed');

    const refreshed = await waitFor(() =>
      h().events.find((e) => e.connectorId === id && e.type === 'ConnectorTokenRefreshed'),
    );
    expect(refreshed.actor).toEqual({ kind: 'system' });
    const second = bundleOf(id, refreshed);
    expect(second.accessToken).not.toBe(first.accessToken);
    if (refreshed.type !== 'ConnectorTokenRefreshed') throw new Error('unreachable');
    expect(Date.parse(refreshed.data.token.expiresAt ?? '')).toBeGreaterThan(h().clock.now() + 25 * 60_000);

    const oauth = createZendeskOAuth({
      endpoint: 'expiring.zendesk.com',
      clientId: 'cas',
      clientSecret,
      hostMap: { 'expiring.zendesk.com': h().simUrl },
    });
    const reused = await oauth.refresh({ refreshToken: first.refreshToken ?? '' }).catch((error: unknown) => error);
    expect(reused).toBeInstanceOf(OAuthError);
    expect((reused as OAuthError).oauthError).toBe('invalid_grant');
  });

  it('invalid_grant on refresh marks the connector as needing reconnecting', async () => {
    const { id } = await connected('revoked', { tokenMode: 'expiring' });
    h().sim.control.revokeTokens('revoked', { all: true });
    h().clock.advance(26 * 60_000);
    expect((await h().runtime.maintainTokens()).get(id)).toBe('needs_reconnect');
    const failed = await waitFor(() =>
      h().events.find((e) => e.connectorId === id && e.type === 'ConnectorAuthorizationFailed'),
    );
    expect(failed.data).toMatchObject({ reason: 'INVALID_GRANT' });
    const view = await h().runtime.app.inject({ url: `/v1/connectors/${id}`, headers: auth });
    expect(view.json()).toMatchObject({ state: 'failed', needsReconnect: true });
  });

  it('flags a legacy non-expiring token for rotation after TOKEN_ROTATION_AGE', async () => {
    const { id } = await connected('legacy', { tokenMode: 'legacy' });
    expect((await h().runtime.maintainTokens()).get(id)).toBe('skipped');
    h().clock.advance(181 * 86_400_000);
    expect((await h().runtime.maintainTokens()).get(id)).toBe('rotation_due');
    expect((await h().runtime.maintainTokens()).get(id)).toBe('skipped');
    await waitFor(() => h().events.find((e) => e.connectorId === id && e.type === 'ConnectorTokenRotationDue'));
  });
});
