import { describe, expect, it } from 'vitest';
import { hostInject, seedAccount, simForFile } from './testing/harness';

const sim = simForFile();
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
const COULD_NOT_AUTHENTICATE = { error: "Couldn't authenticate you" };

// Reference §2 and §6: the answer depends on which kind of credential failed, not only on the path.
describe('authentication failures', () => {
  it('users/me: a wrong password is anonymous, a wrong API token 401, a bad bearer invalid_token', async () => {
    const acct = seedAccount(sim(), 'auth-me');
    const password = await hostInject(sim(), acct.subdomain, '/api/v2/users/me.json', {
      authorization: basic('ada@auth-me.test:wrong'),
    });
    expect(password.statusCode).toBe(200);
    expect(password.json()).toMatchObject({ user: { id: null, name: 'Anonymous user' } });
    const apiToken = await hostInject(sim(), acct.subdomain, '/api/v2/users/me.json', {
      authorization: basic('ada@auth-me.test/token:wrong'),
    });
    expect(apiToken.statusCode).toBe(401);
    expect(apiToken.json()).toEqual(COULD_NOT_AUTHENTICATE);
    const bearer = await hostInject(sim(), acct.subdomain, '/api/v2/users/me', { token: 'nope' });
    expect(bearer.statusCode).toBe(401);
    expect(bearer.json()).toMatchObject({ error: 'invalid_token' });
    expect(bearer.headers['www-authenticate']).toContain('invalid_token');
  });

  it('other endpoints: any Basic credential gets "Couldn\'t authenticate you", a bad bearer invalid_token', async () => {
    const acct = seedAccount(sim(), 'auth-other');
    for (const credentials of ['ada@auth-other.test:wrong', 'ada@auth-other.test/token:wrong']) {
      const res = await hostInject(sim(), acct.subdomain, '/api/v2/users.json', { authorization: basic(credentials) });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(COULD_NOT_AUTHENTICATE);
      expect(res.headers['www-authenticate']).toBeUndefined();
    }
    const bearer = await hostInject(sim(), acct.subdomain, '/api/v2/audit_logs.json', { token: 'nope' });
    expect(bearer.json()).toMatchObject({ error: 'invalid_token' });
    expect(bearer.headers['www-authenticate']).toContain('invalid_token');
  });

  it('leaves WWW-Authenticate out when the account says so (unconfirmed in the reference)', async () => {
    const acct = seedAccount(sim(), 'auth-nohdr', { invalidTokenWwwAuthenticate: false });
    for (const path of ['/api/v2/users/me.json', '/api/v2/users.json']) {
      const res = await hostInject(sim(), acct.subdomain, path, { token: 'nope' });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBeUndefined();
    }
  });
});
