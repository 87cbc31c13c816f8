import { OAuthError, createPkcePair } from '@zc/zendesk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, REDIRECT, clientFor, hostInject, oauthFor, seedAccount, startSim } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startSim();
});
afterAll(async () => h.close());

async function authorize(sub: string, query: Record<string, string>) {
  const res = await hostInject(h, sub, `/oauth/authorizations/new?${new URLSearchParams(query).toString()}`);
  return res;
}

const codeFrom = (location: string) => new URL(location).searchParams.get('code') ?? '';

describe('OAuth against the simulator', () => {
  it('auto-approves with code and state, then exchanges once with PKCE (legacy token, no refresh)', async () => {
    const acct = seedAccount(h, 'oauth-a', { oauthAutoApprove: 'allow' });
    const oauth = oauthFor(h, acct.subdomain, acct.clientSecret);
    const pkce = createPkcePair();
    const url = new URL(
      oauth.authorizeUrl({
        redirectUri: REDIRECT,
        scopes: ['users:read', 'auditlogs:read'],
        state: 's1',
        codeChallenge: pkce.challenge,
      }),
    );
    expect(url.origin).toBe('https://oauth-a.zendesk.com');
    const res = await authorize(acct.subdomain, Object.fromEntries(url.searchParams));
    expect(res.statusCode).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(location.searchParams.get('state')).toBe('s1');
    const code = codeFrom(location.toString());
    const grant = await oauth.exchangeCode({ code, redirectUri: REDIRECT, codeVerifier: pkce.verifier });
    expect(grant.token_type).toBe('bearer');
    expect(grant.refresh_token).toBeUndefined();
    expect(grant.scope).toBe('users:read auditlogs:read');
    const me = await clientFor(h, acct.subdomain, grant.access_token).requireAdmin();
    expect(me.id).toBe(acct.adminId);
    // Single use.
    await expect(
      oauth.exchangeCode({ code, redirectUri: REDIRECT, codeVerifier: pkce.verifier }),
    ).rejects.toMatchObject({
      oauthError: 'invalid_grant',
      status: 400,
    });
  });

  it('refuses a wrong verifier, a redirect mismatch, an expired code and a bad secret', async () => {
    const acct = seedAccount(h, 'oauth-b', { oauthAutoApprove: 'allow' });
    const oauth = oauthFor(h, acct.subdomain, acct.clientSecret);
    const pkce = createPkcePair();
    const q = {
      response_type: 'code',
      client_id: 'cas',
      redirect_uri: REDIRECT,
      scope: 'read',
      state: 'x',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    };
    const code1 = codeFrom((await authorize(acct.subdomain, q)).headers.location as string);
    await expect(
      oauth.exchangeCode({ code: code1, redirectUri: REDIRECT, codeVerifier: 'wrong' }),
    ).rejects.toBeInstanceOf(OAuthError);
    const code2 = codeFrom((await authorize(acct.subdomain, q)).headers.location as string);
    await expect(
      oauth.exchangeCode({ code: code2, redirectUri: `${REDIRECT}/x`, codeVerifier: pkce.verifier }),
    ).rejects.toMatchObject({ oauthError: 'invalid_grant' });
    const code3 = codeFrom((await authorize(acct.subdomain, q)).headers.location as string);
    h.clock.advance(121_000);
    await expect(
      oauth.exchangeCode({ code: code3, redirectUri: REDIRECT, codeVerifier: pkce.verifier }),
    ).rejects.toMatchObject({ oauthError: 'invalid_grant' });
    const bad = oauthFor(h, acct.subdomain, 'not-the-secret-at-all');
    await expect(bad.exchangeCode({ code: 'x', redirectUri: REDIRECT })).rejects.toMatchObject({
      oauthError: 'invalid_client',
      status: 401,
    });
    const unknownRedirect = await authorize(acct.subdomain, { ...q, redirect_uri: 'https://evil.example.com/cb' });
    expect(unknownRedirect.statusCode).toBe(400);
    expect(unknownRedirect.headers['content-type']).toContain('text/html');
  });

  it('issues expiring tokens with rotating refresh tokens; the old refresh token dies', async () => {
    const acct = seedAccount(h, 'oauth-c', { oauthAutoApprove: 'allow', tokenMode: 'expiring' });
    const oauth = oauthFor(h, acct.subdomain, acct.clientSecret);
    const q = { response_type: 'code', client_id: 'cas', redirect_uri: REDIRECT, scope: 'read', state: 'y' };
    const code = codeFrom((await authorize(acct.subdomain, q)).headers.location as string);
    const first = await oauth.exchangeCode({ code, redirectUri: REDIRECT });
    expect(first.expires_in).toBe(1800);
    expect(first.refresh_token_expires_in).toBe(2_592_000);
    const second = await oauth.refresh({ refreshToken: first.refresh_token ?? '' });
    expect(second.refresh_token).not.toBe(first.refresh_token);
    await expect(oauth.refresh({ refreshToken: first.refresh_token ?? '' })).rejects.toMatchObject({
      oauthError: 'invalid_grant',
    });
    await expect(clientFor(h, acct.subdomain, first.access_token).getMe()).rejects.toMatchObject({
      code: 'ZENDESK_INVALID_TOKEN',
    });
    await expect(oauth.exchangeCode({ code: 'c', redirectUri: REDIRECT, expiresIn: 100 })).rejects.toMatchObject({
      oauthError: 'invalid_request',
    });
  });

  it('shows a consent page a person can submit, accepts form bodies, and redirects a denial', async () => {
    const acct = seedAccount(h, 'oauth-d');
    const q = { response_type: 'code', client_id: 'cas', redirect_uri: REDIRECT, scope: 'read', state: 'z' };
    const page = await authorize(acct.subdomain, { ...q, sim_user: `aaron@${acct.subdomain}.test` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Aaron Agent');
    expect(page.body).toContain('value="allow"');
    const deny = await hostInject(h, acct.subdomain, '/oauth/authorizations', {
      method: 'POST',
      form: new URLSearchParams({ ...q, decision: 'deny' }).toString(),
    });
    expect(new URL(deny.headers.location as string).searchParams.get('error')).toBe('access_denied');
    const allow = await hostInject(h, acct.subdomain, '/oauth/authorizations', {
      method: 'POST',
      form: new URLSearchParams({ ...q, decision: 'allow' }).toString(),
    });
    const code = codeFrom(allow.headers.location as string);
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: 'cas',
      client_secret: acct.clientSecret,
      redirect_uri: REDIRECT,
    });
    const token = await hostInject(h, acct.subdomain, '/oauth/tokens', { method: 'POST', form: form.toString() });
    expect(token.statusCode).toBe(201);
    const unsupported = await hostInject(h, acct.subdomain, '/oauth/tokens', {
      method: 'POST',
      payload: { grant_type: 'password', client_id: 'cas', client_secret: acct.clientSecret },
    });
    expect(unsupported.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });
});
