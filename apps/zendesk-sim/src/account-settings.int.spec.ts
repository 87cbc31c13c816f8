import { describe, expect, it } from 'vitest';
import { hostInject, seedAccount, simForFile } from './testing/harness';

interface SettingsBody {
  settings: {
    active_features: Record<string, boolean>;
    user: { multiple_organizations: boolean };
    limits: { brands: number };
  };
}

const sim = simForFile();

describe('GET /api/v2/account/settings', () => {
  it('answers the connection check third-party clients make, with and without .json', async () => {
    const h = sim();
    const acct = seedAccount(h, 'settings-basic');
    for (const path of ['/api/v2/account/settings', '/api/v2/account/settings.json']) {
      const res = await hostInject(h, acct.subdomain, path, { token: acct.adminToken });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.json<SettingsBody>().settings).toMatchObject({ branding: {}, api: {}, active_features: {} });
    }
  });

  it('reports the plan-dependent features of the account’s plan', async () => {
    const h = sim();
    const team = seedAccount(h, 'settings-team', { plan: 'team' });
    const enterprise = seedAccount(h, 'settings-enterprise', { plan: 'enterprise' });
    const settingsOf = async (acct: typeof team) =>
      (
        await hostInject(h, acct.subdomain, '/api/v2/account/settings.json', { token: acct.adminToken })
      ).json<SettingsBody>().settings;
    const [small, large] = [await settingsOf(team), await settingsOf(enterprise)];
    for (const feature of ['business_hours', 'light_agents', 'sandbox', 'satisfaction_prediction', 'ticket_forms']) {
      expect([feature, small.active_features[feature]]).toEqual([feature, false]);
      expect([feature, large.active_features[feature]]).toEqual([feature, true]);
    }
    expect(small.user.multiple_organizations).toBe(false);
    expect(large.user.multiple_organizations).toBe(true);
    expect(small.limits.brands).toBeLessThan(large.limits.brands);
  });

  it('refuses anonymous callers and bad tokens as every Zendesk API does', async () => {
    const h = sim();
    const acct = seedAccount(h, 'settings-refused');
    expect((await hostInject(h, acct.subdomain, '/api/v2/account/settings.json')).statusCode).toBe(401);
    const bad = await hostInject(h, acct.subdomain, '/api/v2/account/settings.json', { token: 'nope' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ error: 'invalid_token' });
  });
});

describe('GET /api/v2/account', () => {
  it('names the account as its admins named it, falling back to the subdomain', async () => {
    const h = sim();
    const named = seedAccount(h, 'account-named', { name: 'Acme Support' });
    const plain = seedAccount(h, 'account-plain');
    const accountOf = async (acct: typeof named) =>
      (await hostInject(h, acct.subdomain, '/api/v2/account.json', { token: acct.adminToken })).json<{
        account: { name: string; subdomain: string; url: string; owner_id: number };
      }>().account;
    expect(await accountOf(named)).toMatchObject({
      name: 'Acme Support',
      subdomain: 'account-named',
      url: 'https://account-named.zendesk.com',
      owner_id: named.adminId,
    });
    expect((await accountOf(plain)).name).toBe('account-plain');
  });
});
