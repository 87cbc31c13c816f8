import { MalformedResponseError, type ResponseMeta, TransientError } from '@zc/zendesk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, clientFor, hostInject, seedAccount, startSim } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startSim();
});
afterAll(async () => h.close());

describe('users and tokens', () => {
  it('users/me: anonymous 200 with null id, bad bearer 401, demoted admin refused', async () => {
    const acct = seedAccount(h, 'api-me');
    const anon = await hostInject(h, acct.subdomain, '/api/v2/users/me.json');
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).toMatchObject({ user: { id: null } });
    await expect(clientFor(h, acct.subdomain, 'nope').getMe()).rejects.toMatchObject({ code: 'ZENDESK_INVALID_TOKEN' });
    const client = clientFor(h, acct.subdomain, acct.adminToken);
    expect((await client.requireAdmin()).id).toBe(acct.adminId);
    h.control.setUserRole(acct.subdomain, acct.adminId, { role: 'agent', customRoleId: 7 });
    await expect(client.requireAdmin()).rejects.toMatchObject({ code: 'ZENDESK_NOT_ADMIN' });
  });

  it('lists users by cursor pages and refuses offset pages past 10,000 records', async () => {
    const acct = seedAccount(h, 'api-users');
    h.control.seed(acct.subdomain, { users: 250, auditPerDay: 0 });
    const client = clientFor(h, acct.subdomain, acct.adminToken);
    const ids: number[] = [];
    for await (const page of client.userPages({ pageSize: 100 })) ids.push(...page.items.map((u) => u.id ?? 0));
    expect(ids).toHaveLength(252);
    expect(new Set(ids).size).toBe(252);
    const deep = await hostInject(h, acct.subdomain, '/api/v2/users.json?page=101&per_page=100', {
      token: acct.adminToken,
    });
    expect(deep.statusCode).toBe(400);
    expect(deep.json()).toMatchObject({ errors: [{ code: 'InvalidPaginationDepth' }] });
    const offset = await hostInject(h, acct.subdomain, '/api/v2/users.json?page=2&per_page=100', {
      token: acct.adminToken,
    });
    expect(offset.json()).toMatchObject({ count: 252 });
  });

  it('incremental users: StartTimeTooRecent, pages to end_of_stream, own 10/min bucket', async () => {
    const acct = seedAccount(h, 'api-inc');
    h.control.seed(acct.subdomain, { users: 30, auditPerDay: 0 });
    const metas: ResponseMeta[] = [];
    const client = clientFor(h, acct.subdomain, acct.adminToken, { onResponse: (m) => metas.push(m) });
    const now = Math.floor(h.control.now() / 1000);
    await expect(client.incrementalUsers({ startTime: now }).next()).rejects.toMatchObject({
      zendeskCode: 'StartTimeTooRecent',
    });
    const seen = new Set<number>();
    for await (const page of client.incrementalUsers({ startTime: 0 }, 10))
      for (const u of page.users) seen.add(u.id ?? 0);
    expect(seen.size).toBe(32);
    expect(metas.at(-1)?.rateLimit.buckets['incremental-exports']).toMatchObject({ limit: 10 });
    for (let i = 0; i < 10; i += 1)
      await client
        .incrementalUsers({ startTime: 0 }, 1000)
        .next()
        .catch(() => undefined);
    await expect(client.incrementalUsers({ startTime: 0 }).next()).rejects.toMatchObject({
      code: 'ZENDESK_RATE_LIMITED',
      bucket: 'endpoint',
    });
  });

  it('lists, shows and revokes tokens, including current', async () => {
    const acct = seedAccount(h, 'api-tokens');
    const client = clientFor(h, acct.subdomain, acct.adminToken);
    const tokens = await client.listTokens();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.token).toHaveLength(10);
    const current = await client.getToken('current');
    expect((await client.getToken(current.id)).id).toBe(current.id);
    await client.revokeToken('current');
    await expect(client.getMe()).rejects.toMatchObject({ code: 'ZENDESK_INVALID_TOKEN' });
  });
});

describe('audit logs', () => {
  it('filters, sorts, shows one entry, gates plan, scope and role', async () => {
    const acct = seedAccount(h, 'api-audit');
    const t = Date.parse('2026-05-07T10:00:00Z');
    const ids = h.control.addAuditEntries(acct.subdomain, {
      entries: [
        {
          createdAt: t,
          action: 'login',
          sourceType: 'user',
          sourceId: 5,
          actorId: acct.adminId,
          ipAddress: '10.0.0.1',
        },
        {
          createdAt: t + 1000,
          action: 'update',
          sourceType: 'rule',
          sourceId: 9,
          actorId: acct.agentId,
          ipAddress: '10.0.0.2',
        },
        { createdAt: t + 2000, system: true, action: 'update', sourceType: 'account_setting' },
      ],
    });
    const client = clientFor(h, acct.subdomain, acct.adminToken);
    const collect = async (q: Parameters<typeof client.auditLogs>[0]) => {
      const out: number[] = [];
      for await (const e of client.auditLogs(q)) out.push(e.id);
      return out;
    };
    const window = { createdFrom: new Date(t), createdTo: new Date(t + 2000) };
    expect(await collect({ ...window, sort: 'created_at' })).toEqual(ids);
    expect(await collect(window)).toEqual([...ids].reverse());
    expect(await collect({ ...window, actions: ['login'] })).toEqual([ids[0]]);
    expect(await collect({ ...window, actorId: acct.agentId })).toEqual([ids[1]]);
    expect(await collect({ ...window, ipAddress: '10.0.0.2' })).toEqual([ids[1]]);
    expect(await collect({ ...window, sourceType: 'rule', sourceId: 9 })).toEqual([ids[1]]);
    const system = await client.getAuditLog(ids[2] ?? 0);
    expect(system).toMatchObject({ actor_id: -1, actor_name: 'Zendesk', ip_address: null });
    await expect(client.getAuditLog(1)).rejects.toMatchObject({ zendeskCode: 'RecordNotFound', status: 404 });

    const agentToken = h.control.issueToken(acct.subdomain, { userId: acct.agentId, scopes: ['read'] }).access_token;
    await expect(clientFor(h, acct.subdomain, agentToken).auditLogs().next()).rejects.toMatchObject({ status: 403 });
    const narrow = h.control.issueToken(acct.subdomain, { userId: acct.adminId, scopes: ['users:read'] }).access_token;
    await expect(clientFor(h, acct.subdomain, narrow).auditLogs().next()).rejects.toMatchObject({
      code: 'ZENDESK_MISSING_SCOPE',
      scopes: ['auditlogs:read'],
    });
    h.control.updateAccount(acct.subdomain, { plan: 'professional', auditLogsUnavailable: 'not_found' });
    await expect(client.auditLogs().next()).rejects.toMatchObject({ code: 'ZENDESK_PLAN_NOT_ENTITLED', status: 404 });
  });
});

describe('faults, headers and request log', () => {
  it('maps 503 with Retry-After, malformed JSON, refreshes once on 401, logs requests', async () => {
    const acct = seedAccount(h, 'api-faults');
    const metas: ResponseMeta[] = [];
    const client = clientFor(h, acct.subdomain, acct.adminToken, { onResponse: (m) => metas.push(m) });
    h.control.failNext(acct.subdomain, { status: 503, retryAfterSeconds: 7, body: 'text' });
    const error: unknown = await client.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).retryAfterMs).toBe(7000);
    h.control.failNext(acct.subdomain, { status: 200, body: 'malformed-json' });
    await expect(client.getMe()).rejects.toBeInstanceOf(MalformedResponseError);
    await client.getMe();
    expect(metas.at(-1)?.rateLimit.account).toMatchObject({ limit: 700 });
    expect(metas.at(-1)?.status).toBe(200);

    const fresh = h.control.issueToken(acct.subdomain, { userId: acct.adminId, scopes: ['read'] }).access_token;
    let refreshed = 0;
    const expiring = clientFor(h, acct.subdomain, 'stale-token', {
      refreshAccessToken: () => {
        refreshed += 1;
        return Promise.resolve(fresh);
      },
    });
    expect((await expiring.getMe()).id).toBe(acct.adminId);
    expect(refreshed).toBe(1);
    const log = h.control.requests({ account: acct.subdomain });
    expect(log.at(-1)).toMatchObject({ method: 'GET', path: '/api/v2/users/me.json', status: 200, clientId: 'cas' });
    h.control.clearRequests();
    expect(h.control.requests()).toHaveLength(0);
  });

  it('keeps accounts apart by Host and serves the control API on /_sim only', async () => {
    seedAccount(h, 'api-host');
    const unknown = await hostInject(h, 'nobody', '/api/v2/users/me.json');
    expect(unknown.statusCode).toBe(404);
    const ctl = await h.app.inject({ method: 'GET', url: '/_sim/accounts/api-host' });
    expect(ctl.json()).toMatchObject({ subdomain: 'api-host', rateLimit: 700 });
    const bad = await h.app.inject({ method: 'POST', url: '/_sim/accounts', payload: { subdomain: 'Bad Name' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'SIM_VALIDATION' });
  });
});
