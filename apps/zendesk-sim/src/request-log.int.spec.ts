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
