import { describe, expect, it } from 'vitest';
import { hostInject, seedAccount, simForFile } from './testing/harness';

const sim = simForFile();

// Zendesk's own OpenAPI marks these fields non-null, but real responses carry null (README "Nullable fields");
// clients must see the null itself, not a made-up value or a missing key.
describe('fields the simulator sends as null, as Zendesk does', () => {
  it('last_login_at of a user who never signed in, in every user listing', async () => {
    const h = sim();
    const acct = seedAccount(h, 'null-login');
    const paths = ['/api/v2/users.json', '/api/v2/incremental/users/cursor.json?start_time=0'];
    for (const path of paths) {
      const res = await hostInject(h, acct.subdomain, path, { token: acct.adminToken });
      const agent = res.json<{ users: Record<string, unknown>[] }>().users.find((u) => u['id'] === acct.agentId);
      expect(agent).toHaveProperty('last_login_at', null);
      expect(agent).toHaveProperty('organization_id', null);
      expect(agent).toHaveProperty('custom_role_id', null);
    }
  });

  it('ip_address of system entries in the audit log', async () => {
    const h = sim();
    const acct = seedAccount(h, 'null-ip');
    h.control.seed(acct.subdomain, { users: 5, auditPerDay: 200 });
    const res = await hostInject(
      h,
      acct.subdomain,
      '/api/v2/audit_logs.json?filter%5Bactor_id%5D=-1&page%5Bsize%5D=100',
      {
        token: acct.adminToken,
      },
    );
    expect(res.statusCode).toBe(200);
    const entries = res.json<{ audit_logs: Record<string, unknown>[] }>().audit_logs;
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry).toHaveProperty('ip_address', null);
      expect(entry['actor_name']).toBe('Zendesk');
    }
    expect(res.body).toContain('"ip_address":null');
  });
});
