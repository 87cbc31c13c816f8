import type { FetchLike } from '@zc/zendesk';
import { describe, expect, it } from 'vitest';
import { ProviderError, type Failure } from '../application/ports/connector-provider';
import { createZendeskProvider } from './zendesk-provider';

const client = { endpoint: 'acme.zendesk.com', clientId: 'cas', clientSecret: 's' };
const json = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
const provider = (fetch: FetchLike) => createZendeskProvider({ timeoutMs: 1_000, fetch });
const failureOf = async (call: Promise<unknown>): Promise<Failure> => {
  const error = await call.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProviderError);
  return (error as ProviderError).failure;
};

describe('Zendesk as the connector provider', () => {
  it('reads a grant and who authorized it', async () => {
    const zendesk = provider((url) =>
      url.endsWith('/oauth/tokens')
        ? json(200, { access_token: 'a', token_type: 'bearer', refresh_token: 'r', expires_in: 60, scope: 'x y' })
        : json(200, { user: { id: 7, email: 'ada@acme.test', role: 'agent', active: true } }),
    );
    await expect(
      zendesk.exchangeCode(client, { code: 'c', redirectUri: 'https://x/cb', codeVerifier: 'v' }),
    ).resolves.toEqual({
      accessToken: 'a',
      refreshToken: 'r',
      scopes: ['x', 'y'],
      expiresInSeconds: 60,
    });
    const me = await zendesk.whoAmI(client, 'a');
    expect(me).toEqual({ userId: 7, email: 'ada@acme.test', role: 'agent', admin: false, active: true });
    expect(zendesk.notAdminMessage(me)).toBe(
      'The Zendesk user ada@acme.test is an agent; a Zendesk admin must connect.',
    );
  });

  it('explains Zendesk refusals as the failure reasons auth records', async () => {
    const oauthError = (error: string) => provider(() => json(400, { error, error_description: error }));
    expect(
      await failureOf(
        oauthError('invalid_client').exchangeCode(client, { code: 'c', redirectUri: 'u', codeVerifier: 'v' }),
      ),
    ).toMatchObject({ reason: 'INVALID_CLIENT' });
    expect(
      await failureOf(
        oauthError('invalid_grant').exchangeCode(client, { code: 'c', redirectUri: 'u', codeVerifier: 'v' }),
      ),
    ).toMatchObject({ reason: 'CODE_EXPIRED' });
    expect(await failureOf(oauthError('invalid_grant').refresh(client, 'r'))).toMatchObject({
      reason: 'INVALID_GRANT',
    });
    const noAuditLogs = provider(() => json(403, { error: 'Forbidden' }));
    expect(await failureOf(noAuditLogs.probeAuditAccess(client, 'a'))).toMatchObject({ reason: 'PLAN_NOT_SUPPORTED' });
  });

  it('reports a Zendesk that does not answer in time as UPSTREAM_ERROR naming the timeout', async () => {
    const silent = createZendeskProvider({
      timeoutMs: 50,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    expect(await failureOf(silent.revoke(client, 'a', 'current'))).toEqual({
      reason: 'UPSTREAM_ERROR',
      message: 'Zendesk did not answer within 50 ms; try again.',
    });
  });
});
