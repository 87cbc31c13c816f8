import { generateKeySpec, parseKeyRing, seal, SecretUnsealError } from '@zc/secrets';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ConnectorAuthorized, ConnectorTokenRefreshed } from '../events/connector-authorization';
import { openClientSecret, sealClientSecret } from './client-secret';
import { encryptionContexts } from './encryption-contexts';
import { openTokenBundle, sealTokenBundle, TokenBundle, type TokenBundleInput } from './token-bundle';

const ring = parseKeyRing(generateKeySpec('k1'));

describe('the token bundle, between its writer (auth) and its readers (auth, collector)', () => {
  it('goes from the writer into the events and from the events into the readers without conversion', () => {
    // The auth service passes sealTokenBundle's result as the events' tokenBundle; the collector hands the
    // event's tokenBundle (kept in its connector view) to openTokenBundle. Both are compile-time facts here.
    expectTypeOf(sealTokenBundle).returns.toEqualTypeOf<ConnectorAuthorized['data']['tokenBundle']>();
    expectTypeOf(sealTokenBundle).returns.toEqualTypeOf<ConnectorTokenRefreshed['data']['tokenBundle']>();
    expectTypeOf(openTokenBundle).parameter(2).toEqualTypeOf<ConnectorAuthorized['data']['tokenBundle']>();
    // What the auth service has from a Zendesk grant (`refresh_token ?? null`) is a writer input; what
    // the collector reads (the access token) and the auth service refreshes with are reader outputs.
    expectTypeOf<{ accessToken: string; refreshToken: string | null }>().toExtend<TokenBundleInput>();
    expectTypeOf(openTokenBundle).returns.toEqualTypeOf<{ accessToken: string; refreshToken: string | null }>();
  });

  it("opens what the writer sealed, for every grant Zendesk issues (refresh token, none, or '')", () => {
    for (const refreshToken of ['refresh-1', null, '']) {
      const sealed = sealTokenBundle(ring, 'c-1', { accessToken: 'access-1', refreshToken });
      expect(JSON.stringify(sealed)).not.toContain('access-1');
      expect(openTokenBundle(ring, 'c-1', sealed)).toEqual({
        accessToken: 'access-1',
        refreshToken: refreshToken === '' ? null : refreshToken,
      });
    }
  });

  it('still opens bundles stored before the schema lived here, under the context string they were sealed with', () => {
    // The two services' old copies: auth sealed `{accessToken, refreshToken}` (refreshToken: string | null,
    // possibly ''), under `token-bundle:<connectorId>`. Those bytes are in the log for good.
    const stored = [
      '{"accessToken":"a","refreshToken":"r"}',
      '{"accessToken":"a","refreshToken":null}',
      '{"accessToken":"a","refreshToken":""}',
    ].map((json) => seal(ring, json, 'token-bundle:c-1'));
    expect(stored.map((sealed) => openTokenBundle(ring, 'c-1', sealed))).toEqual([
      { accessToken: 'a', refreshToken: 'r' },
      { accessToken: 'a', refreshToken: null },
      { accessToken: 'a', refreshToken: null },
    ]);
  });

  it('opens only on its own connector, and refuses to seal a bundle no reader would accept', () => {
    const sealed = sealTokenBundle(ring, 'c-1', { accessToken: 'a', refreshToken: null });
    expect(() => openTokenBundle(ring, 'c-2', sealed)).toThrow(SecretUnsealError);
    expect(() => sealTokenBundle(ring, 'c-1', { accessToken: '', refreshToken: null })).toThrow();
    expect(() => TokenBundle.parse({ refreshToken: null })).toThrow();
  });
});

describe('encryption contexts', () => {
  it('are the strings stored secrets were sealed with, and keep the kinds apart', () => {
    expect(encryptionContexts.clientSecret('c-1')).toBe('client-secret:c-1');
    expect(encryptionContexts.tokenBundle('c-1')).toBe('token-bundle:c-1');
    expect(encryptionContexts.oauthVerifier('abc')).toBe('oauth-verifier:abc');
    const secret = sealClientSecret(ring, 'c-1', 'client-secret-value');
    expect(openClientSecret(ring, 'c-1', secret)).toBe('client-secret-value');
    expect(() => openTokenBundle(ring, 'c-1', secret)).toThrow(SecretUnsealError);
  });
});
