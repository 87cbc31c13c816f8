import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTokenBundle, type ConnectorEvent } from '@zc/contracts';
import { uniqueDatabaseName, uniqueName, waitFor } from '@zc/testing';
import { createZendeskOAuth, OAuthError } from '@zc/zendesk';
import { auth, seedZendesk, startAuthHarness, type AuthHarness, type SeedOptions } from './testing/auth-harness';

let h: AuthHarness;

beforeAll(async () => {
  h = await startAuthHarness({
    brokers: inject('kafkaBrokers'),
    mongoUri: inject('mongoUri'),
    dbName: uniqueDatabaseName(import.meta.url),
    topicPrefix: `${uniqueName(import.meta.url)}.`,
  });
});

afterAll(async () => {
  await h.runtime.mongo.db.dropDatabase();
  await h.close();
});

async function connected(subdomain: string, seed: SeedOptions) {
  const seeded = seedZendesk(h.sim, subdomain, seed);
  const app = h.runtime.app;
  const created = await app.inject({
    method: 'POST',
    url: '/v1/connectors',
    headers: auth,
    payload: {
      name: subdomain,
      clientId: 'cas',
      clientSecret: seeded.clientSecret,
      endpoint: `${subdomain}.zendesk.com`,
    },
  });
  const id = created.json<{ id: string }>().id;
  const started = await app.inject({ method: 'POST', url: `/v1/connectors/${id}/authorize`, headers: auth });
  const url = new URL(started.json<{ authorizeUrl: string }>().authorizeUrl);
  const consent = await h.sim.app.inject({
    url: `${url.pathname}${url.search}`,
    headers: { host: `${subdomain}.zendesk.com` },
  });
  const back = new URL(String(consent.headers.location));
  const done = await app.inject({ url: `${back.pathname}${back.search}`, headers: { accept: 'application/json' } });
  expect(done.json()).toMatchObject({ ok: true });
  return { id, clientSecret: seeded.clientSecret };
}

const bundleOf = (id: string, event: ConnectorEvent) => {
  if (event.type !== 'ConnectorAuthorized' && event.type !== 'ConnectorTokenRefreshed') throw new Error(event.type);
  return openTokenBundle(h.runtime.deps.keyRing, id, event.data.tokenBundle);
};

describe('token lifecycle', () => {
  it('refreshes an expiring token before it expires; the old refresh token is dead at Zendesk', async () => {
    const { id, clientSecret } = await connected('expiring', { tokenMode: 'expiring' });
    const authorized = await waitFor(() =>
      h.events.find((e) => e.connectorId === id && e.type === 'ConnectorAuthorized'),
    );
    const first = bundleOf(id, authorized);
    expect(first.refreshToken).not.toBeNull();

    // 30 min life: nothing to do at first, a refresh once fewer than 5 minutes remain.
    expect((await h.runtime.maintainTokens()).get(id)).toBe('skipped');
    h.clock.advance(26 * 60_000);
    expect((await h.runtime.maintainTokens()).get(id)).toBe('refreshed');

    const refreshed = await waitFor(() =>
      h.events.find((e) => e.connectorId === id && e.type === 'ConnectorTokenRefreshed'),
    );
    expect(refreshed.actor).toEqual({ kind: 'system' });
    const second = bundleOf(id, refreshed);
    expect(second.accessToken).not.toBe(first.accessToken);
    if (refreshed.type !== 'ConnectorTokenRefreshed') throw new Error('unreachable');
    expect(Date.parse(refreshed.data.token.expiresAt ?? '')).toBeGreaterThan(h.clock.now() + 25 * 60_000);

    const oauth = createZendeskOAuth({
      endpoint: 'expiring.zendesk.com',
      clientId: 'cas',
      clientSecret,
      hostMap: { 'expiring.zendesk.com': h.simUrl },
    });
    const reused = await oauth.refresh({ refreshToken: first.refreshToken ?? '' }).catch((error: unknown) => error);
    expect(reused).toBeInstanceOf(OAuthError);
    expect((reused as OAuthError).oauthError).toBe('invalid_grant');
  });

  it('invalid_grant on refresh marks the connector as needing reconnecting', async () => {
    const { id } = await connected('revoked', { tokenMode: 'expiring' });
    h.sim.control.revokeTokens('revoked', { all: true });
    h.clock.advance(26 * 60_000);
    expect((await h.runtime.maintainTokens()).get(id)).toBe('needs_reconnect');
    const failed = await waitFor(() =>
      h.events.find((e) => e.connectorId === id && e.type === 'ConnectorAuthorizationFailed'),
    );
    expect(failed.data).toMatchObject({ reason: 'INVALID_GRANT' });
    const view = await h.runtime.app.inject({ url: `/v1/connectors/${id}`, headers: auth });
    expect(view.json()).toMatchObject({ state: 'failed', needsReconnect: true });
  });

  it('flags a legacy non-expiring token for rotation after TOKEN_ROTATION_AGE', async () => {
    const { id } = await connected('legacy', { tokenMode: 'legacy' });
    expect((await h.runtime.maintainTokens()).get(id)).toBe('skipped');
    h.clock.advance(181 * 86_400_000);
    expect((await h.runtime.maintainTokens()).get(id)).toBe('rotation_due');
    expect((await h.runtime.maintainTokens()).get(id)).toBe('skipped');
    await waitFor(() => h.events.find((e) => e.connectorId === id && e.type === 'ConnectorTokenRotationDue'));
  });
});
