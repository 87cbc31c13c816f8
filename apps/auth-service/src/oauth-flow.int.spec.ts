import { describe, expect, it } from 'vitest';
import { openTokenBundle } from '@zc/contracts';
import { waitFor } from '@zc/testing';
import { createZendeskClient } from '@zc/zendesk';
import { auth, seedZendesk, authHarnessForFile, type SeedOptions } from './testing/auth-harness';

const h = authHarnessForFile(import.meta.url);

async function register(subdomain: string, clientSecret: string): Promise<string> {
  const response = await h().runtime.app.inject({
    method: 'POST',
    url: '/v1/connectors',
    headers: auth,
    payload: { name: `Zendesk ${subdomain}`, clientId: 'cas', clientSecret, endpoint: `${subdomain}.zendesk.com` },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function startAuthorization(connectorId: string) {
  const response = await h().runtime.app.inject({
    method: 'POST',
    url: `/v1/connectors/${connectorId}/authorize`,
    headers: auth,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ authorizeUrl: string; browserUrl: string }>();
}

/** The person's browser at Zendesk: consent (auto-approved or denied by the account) and the redirect back. */
async function consent(subdomain: string, authorizeUrl: string): Promise<URL> {
  const url = new URL(authorizeUrl);
  const response = await h().sim.app.inject({
    method: 'GET',
    url: `${url.pathname}${url.search}`,
    headers: { host: `${subdomain}.zendesk.com` },
  });
  expect(response.statusCode, response.body).toBe(302);
  return new URL(String(response.headers.location));
}

async function callback(redirect: URL, accept = 'application/json') {
  return h().runtime.app.inject({ method: 'GET', url: `${redirect.pathname}${redirect.search}`, headers: { accept } });
}

async function connect(subdomain: string, seed: SeedOptions = {}, secret?: string) {
  const seeded = seedZendesk(h().sim, subdomain, seed);
  const connectorId = await register(subdomain, secret ?? seeded.clientSecret);
  const { authorizeUrl } = await startAuthorization(connectorId);
  const redirect = await consent(subdomain, authorizeUrl);
  const response = await callback(redirect);
  return { connectorId, redirect, response, seeded };
}

const eventOf = (connectorId: string, type: string) =>
  waitFor(() => h().events.find((event) => event.connectorId === connectorId && event.type === type), {
    description: `${type} of ${connectorId} on connector.events`,
    timeoutMs: 20_000,
  });

describe('connecting Zendesk (register → authorize → consent → callback)', () => {
  it('records ConnectorAuthorized on connector.events with a bundle that opens to the issued token', async () => {
    const { connectorId, response } = await connect('acme');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, connectorId });

    const authorized = await eventOf(connectorId, 'ConnectorAuthorized');
    if (authorized.type !== 'ConnectorAuthorized') throw new Error('unreachable');
    expect(authorized.actor).toEqual({ kind: 'admin_key', id: '0123456789abcdef' });
    expect(authorized.sequence).toBe(3);
    expect(authorized.data.authorizingUser).toMatchObject({ email: 'ada@acme.test', role: 'admin' });
    const bundle = openTokenBundle(h().runtime.deps.keyRing, connectorId, authorized.data.tokenBundle);
    const api = createZendeskClient({
      endpoint: 'acme.zendesk.com',
      accessToken: bundle.accessToken,
      hostMap: { 'acme.zendesk.com': h().simUrl },
    });
    expect((await api.getToken('current')).id).toBe(authorized.data.token.providerTokenId);
    expect((await api.getMe()).email).toBe('ada@acme.test');

    const registered = await eventOf(connectorId, 'ConnectorRegistered');
    expect(JSON.stringify(h().events)).not.toContain(bundle.accessToken);
    expect(registered.sequence).toBe(1);

    const view = await h().runtime.app.inject({ method: 'GET', url: `/v1/connectors/${connectorId}`, headers: auth });
    expect(view.json()).toMatchObject({ state: 'authorized', authorization: { zendeskUser: { role: 'admin' } } });
  });

  it('puts the real Zendesk host in the authorize URL and the override only in the browser URL', async () => {
    seedZendesk(h().sim, 'urls');
    const connectorId = await register('urls', 'whatever-secret');
    const { authorizeUrl, browserUrl } = await startAuthorization(connectorId);
    const real = new URL(authorizeUrl);
    expect(real.origin).toBe('https://urls.zendesk.com');
    expect(real.pathname).toBe('/oauth/authorizations/new');
    expect(real.searchParams.get('code_challenge_method')).toBe('S256');
    expect(real.searchParams.get('redirect_uri')).toBe('https://connector.example.test/api/oauth/saga');
    expect(new URL(browserUrl).host).toBe(`urls.zendesk.localhost:${new URL(h().simUrl).port}`);
  });
});

describe('connection failures, each recorded with its reason and a sentence', () => {
  const expectFailure = async (connectorId: string, reason: string, message: RegExp) => {
    const failed = await eventOf(connectorId, 'ConnectorAuthorizationFailed');
    expect(failed.data).toMatchObject({ reason });
    expect((failed.data as { message: string }).message).toMatch(message);
  };

  it('NOT_ADMIN for an agent', async () => {
    const { connectorId, response } = await connect('agents', { role: 'agent' });
    expect(response.json()).toMatchObject({ ok: false, reason: 'NOT_ADMIN' });
    await expectFailure(
      connectorId,
      'NOT_ADMIN',
      /^The Zendesk user ada@agents\.test is an agent; a Zendesk admin must connect\.$/,
    );
  });

  it('PLAN_NOT_SUPPORTED on a Team plan', async () => {
    const { connectorId } = await connect('team', { plan: 'team' });
    await expectFailure(connectorId, 'PLAN_NOT_SUPPORTED', /^Audit logs need Zendesk Enterprise or Enterprise Plus\.$/);
  });

  it('ACCESS_DENIED when consent is denied', async () => {
    const { connectorId, response } = await connect('denied', { approve: 'deny' });
    expect(response.statusCode).toBe(400);
    await expectFailure(connectorId, 'ACCESS_DENIED', /denied/);
  });

  it('INVALID_CLIENT with a wrong secret', async () => {
    const { connectorId } = await connect('wrongsecret', {}, 'not-the-secret-at-all');
    await expectFailure(connectorId, 'INVALID_CLIENT', /client ID or secret/);
  });

  it('INVALID_STATE for a replayed state, and for a forged one (nothing to record it on)', async () => {
    const { connectorId, redirect } = await connect('replay');
    await eventOf(connectorId, 'ConnectorAuthorized');
    const replayed = await callback(redirect);
    expect(replayed.json()).toMatchObject({ ok: false, reason: 'INVALID_STATE' });
    await expectFailure(connectorId, 'INVALID_STATE', /already used/);

    const forged = new URL(redirect);
    forged.searchParams.set('state', 'forged-state-value');
    const html = await callback(forged, 'text/html');
    expect(html.statusCode).toBe(400);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('INVALID_STATE');
  });

  it('CODE_EXPIRED when the code outlives its 120 s at Zendesk', async () => {
    const seeded = seedZendesk(h().sim, 'slower');
    const connectorId = await register('slower', seeded.clientSecret);
    const { authorizeUrl } = await startAuthorization(connectorId);
    const redirect = await consent('slower', authorizeUrl);
    h().clock.advance(121_000);
    const response = await callback(redirect);
    expect(response.json()).toMatchObject({ ok: false, reason: 'CODE_EXPIRED' });
    await expectFailure(connectorId, 'CODE_EXPIRED', /expired/);
  });
});
