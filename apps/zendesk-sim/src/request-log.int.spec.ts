import { describe, expect, it } from 'vitest';
import { hostInject, seedAccount, simForFile } from './testing/harness';

const sim = simForFile();

describe('request log headers', () => {
  it('records user agent, accept and the authorization scheme, never the credential', async () => {
    const h = sim();
    const acct = seedAccount(h, 'log-headers');
    await h.app.inject({
      method: 'GET',
      url: '/api/v2/users/me.json',
      headers: {
        host: `${acct.subdomain}.zendesk.com`,
        authorization: `Bearer ${acct.adminToken}`,
        'user-agent': 'zc-collector/1.0',
        accept: 'application/json',
      },
    });
    await hostInject(h, acct.subdomain, '/api/v2/users/me.json');
    await h.app.inject({
      method: 'GET',
      url: '/api/v2/users/me.json',
      headers: { host: `${acct.subdomain}.zendesk.com`, authorization: acct.adminToken },
    });
    const log = h.control.requests({ account: acct.subdomain });
    expect(log.map((entry) => entry.headers)).toEqual([
      { userAgent: 'zc-collector/1.0', accept: 'application/json', contentType: null, authorization: 'bearer' },
      { userAgent: 'lightMyRequest', accept: null, contentType: null, authorization: null },
      { userAgent: 'lightMyRequest', accept: null, contentType: null, authorization: 'other' },
    ]);
    expect(JSON.stringify(log)).not.toContain(acct.adminToken);
  });
});

describe('DELETE /_sim/requests', () => {
  it('with ?account= clears only that account’s log', async () => {
    const h = sim();
    const [one, other] = [seedAccount(h, 'log-clear-one'), seedAccount(h, 'log-clear-other')];
    await hostInject(h, one.subdomain, '/api/v2/users/me.json', { token: one.adminToken });
    await hostInject(h, other.subdomain, '/api/v2/users/me.json', { token: other.adminToken });
    const cleared = await h.app.inject({ method: 'DELETE', url: `/_sim/requests?account=${one.subdomain}` });
    expect(cleared.statusCode).toBe(204);
    expect(h.control.requests({ account: one.subdomain })).toEqual([]);
    expect(h.control.requests({ account: other.subdomain })).toHaveLength(1);
  });

  it('without an account clears every log', async () => {
    const h = sim();
    const acct = seedAccount(h, 'log-clear-all');
    await hostInject(h, acct.subdomain, '/api/v2/users/me.json', { token: acct.adminToken });
    expect((await h.app.inject({ method: 'DELETE', url: '/_sim/requests' })).statusCode).toBe(204);
    expect(h.control.requests()).toEqual([]);
  });
});
