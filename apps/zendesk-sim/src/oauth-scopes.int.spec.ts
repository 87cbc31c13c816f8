import { describe, expect, it } from 'vitest';
import { REDIRECT, hostInject, seedAccount, simForFile } from './testing/harness';

const sim = simForFile();

// Reference §1.4 and §9: a scope outside the client's allowed set is 400 invalid_scope from the token endpoint.
describe('token endpoint and a client with allowed scopes', () => {
  function narrowClient(subdomain: string) {
    seedAccount(sim(), subdomain, { oauthAutoApprove: 'allow' });
    return sim().control.createOAuthClient(subdomain, {
      identifier: 'narrow',
      redirectUris: [REDIRECT],
      allowedScopes: ['users:read', 'auditlogs:read'],
    }).secret;
  }
  const token = (subdomain: string, payload: Record<string, string>) =>
    hostInject(sim(), subdomain, '/oauth/tokens', { method: 'POST', payload: { client_id: 'narrow', ...payload } });

  it('authorization_code: a repeated scope outside the set is invalid_scope, one inside is granted', async () => {
    const secret = narrowClient('scopes-code');
    const code = async () => {
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: 'narrow',
        redirect_uri: REDIRECT,
        scope: 'users:read',
      });
      const res = await hostInject(sim(), 'scopes-code', `/oauth/authorizations/new?${query.toString()}`);
      return new URL(res.headers.location as string).searchParams.get('code') ?? '';
    };
    const exchange = { grant_type: 'authorization_code', client_secret: secret, redirect_uri: REDIRECT };
    const refused = await token('scopes-code', { ...exchange, code: await code(), scope: 'read' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'invalid_scope' });
    const granted = await token('scopes-code', { ...exchange, code: await code(), scope: 'users:read' });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ scope: 'users:read' });
  });

  it('client_credentials: the default read and any scope outside the set are invalid_scope', async () => {
    const secret = narrowClient('scopes-cc');
    const grant = { grant_type: 'client_credentials', client_secret: secret };
    for (const scope of [undefined, 'read', 'users:read tickets:read']) {
      const res = await token('scopes-cc', { ...grant, ...(scope ? { scope } : {}) });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid_scope' });
    }
    const ok = await token('scopes-cc', { ...grant, scope: 'users:read auditlogs:read' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ scope: 'users:read auditlogs:read' });
  });
});
