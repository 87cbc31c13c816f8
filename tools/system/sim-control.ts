import { createZendeskClient } from '@zc/zendesk';
import { jsonClient, type JsonClient } from './http-json';

export interface SimUser {
  id: number;
  name: string;
  email: string;
  role: string;
}

export interface SimFault {
  status: number;
  count?: number;
  body?: 'json' | 'text' | 'html' | 'empty' | 'malformed-json';
  retryAfterSeconds?: number | null;
  pathPrefix?: string | null;
}

export interface SimAuditInput {
  createdAt?: number;
  action?: 'create' | 'destroy' | 'exported' | 'login' | 'update';
  system?: boolean;
  sourceType?: string;
  sourceLabel?: string;
  changeDescription?: string;
}

export interface SimRequestLogEntry {
  account: string | null;
  timestamp: string;
  method: string;
  path: string;
  query: Record<string, unknown>;
  status: number;
  tokenId: number | null;
}

/** The simulator's `/_sim/` control API over HTTP (the system runs it as its own process). */
export function simControl(baseUrl: string) {
  const http: JsonClient = jsonClient(baseUrl);
  const account = (subdomain: string) => `/_sim/accounts/${encodeURIComponent(subdomain)}`;
  return {
    baseUrl,
    createAccount: (subdomain: string, settings: Record<string, unknown> = {}) =>
      http.post<unknown>('/_sim/accounts', { subdomain, plan: 'enterprise', ...settings }),
    updateAccount: (subdomain: string, patch: Record<string, unknown>) =>
      http.patch<unknown>(account(subdomain), patch),
    getAccount: (subdomain: string) => http.get<{ auditEntries: number; users: number }>(account(subdomain)),
    addUser: (subdomain: string, user: { name: string; email: string; role?: string }) =>
      http.post<SimUser>(`${account(subdomain)}/users`, user),
    setUserRole: (subdomain: string, userId: number, role: string) =>
      http.post<SimUser>(`${account(subdomain)}/users/${String(userId)}/role`, { role }),
    createOAuthClient: (subdomain: string, input: { identifier: string; redirectUris: string[]; userId?: number }) =>
      http.post<{ identifier: string; secret: string }>(`${account(subdomain)}/oauth-clients`, input),
    seed: (subdomain: string, input: { seed?: number; users?: number; auditPerDay?: number; days?: number }) =>
      http.post<{ users: number; auditEntries: number }>(`${account(subdomain)}/seed`, input),
    addAuditEntries: async (subdomain: string, entries: SimAuditInput[], visibleAfterMs = 0) =>
      (await http.post<{ ids: number[] }>(`${account(subdomain)}/audit-logs`, { entries, visibleAfterMs })).ids,
    issueToken: (subdomain: string, input: { userId: number; scopes?: string[]; clientIdentifier?: string }) =>
      http.post<{ access_token: string; id: number }>(`${account(subdomain)}/tokens`, input),
    revokeTokens: (subdomain: string, input: { tokenId?: number; userId?: number; all?: boolean }) =>
      http.post<{ revoked: number }>(`${account(subdomain)}/tokens/revoke`, input),
    failNext: (subdomain: string, fault: SimFault) => http.post<null>(`${account(subdomain)}/faults`, fault),
    setLatency: (subdomain: string, ms: number) => http.put<null>(`${account(subdomain)}/latency`, { ms }),
    requests: (subdomain: string) =>
      http.get<SimRequestLogEntry[]>(`/_sim/requests?account=${encodeURIComponent(subdomain)}`),
  };
}
export type SimControlClient = ReturnType<typeof simControl>;

export interface ProvisionedAccount {
  subdomain: string;
  endpoint: string;
  admin: SimUser;
  agent: SimUser;
  clientId: string;
  clientSecret: string;
  seeded: { users: number; auditEntries: number };
}

export interface ProvisionOptions {
  /** The auth service's OAuth callback, registered as the client's redirect URL. */
  redirectUri: string;
  auditPerDay?: number;
  days?: number;
  users?: number;
  settings?: Record<string, unknown>;
}

/** A fresh Enterprise account: an admin (the consenting user), an agent, a small history and an OAuth client. */
export async function provisionAccount(
  sim: SimControlClient,
  subdomain: string,
  options: ProvisionOptions,
): Promise<ProvisionedAccount> {
  await sim.createAccount(subdomain, { name: `${subdomain} Inc.`, tokenMode: 'expiring', ...options.settings });
  const admin = await sim.addUser(subdomain, { name: 'Ada Admin', email: `ada@${subdomain}.test`, role: 'admin' });
  const agent = await sim.addUser(subdomain, { name: 'Aaron Agent', email: `aaron@${subdomain}.test`, role: 'agent' });
  const seeded = await sim.seed(subdomain, {
    seed: 7,
    users: options.users ?? 20,
    auditPerDay: options.auditPerDay ?? 40,
    days: options.days ?? 8,
  });
  const client = await sim.createOAuthClient(subdomain, {
    identifier: `cas-${subdomain}`,
    redirectUris: [options.redirectUri],
    userId: admin.id,
  });
  return {
    subdomain,
    endpoint: `${subdomain}.zendesk.com`,
    admin,
    agent,
    clientId: client.identifier,
    clientSecret: client.secret,
    seeded,
  };
}

/**
 * What Zendesk (the simulator) holds: every audit-log id created in [from, to], read through the real
 * API with a token of our own, so the comparison uses the same surface the collector does.
 */
export async function simAuditLogIds(
  sim: SimControlClient,
  account: ProvisionedAccount,
  window: { from: Date; to: Date },
): Promise<Set<number>> {
  const token = await sim.issueToken(account.subdomain, { userId: account.admin.id, scopes: ['auditlogs:read'] });
  const client = createZendeskClient({
    endpoint: account.endpoint,
    accessToken: token.access_token,
    hostMap: { [account.endpoint]: sim.baseUrl },
  });
  const ids = new Set<number>();
  for await (const entry of client.auditLogs({ createdFrom: window.from, createdTo: window.to, sort: 'created_at' })) {
    ids.add(entry.id);
  }
  await sim.revokeTokens(account.subdomain, { tokenId: token.id });
  return ids;
}

/** Whether Zendesk (the simulator) still knows a token, asked with an admin token of our own. */
export async function simTokenAlive(
  sim: SimControlClient,
  account: ProvisionedAccount,
  tokenId: number,
): Promise<boolean> {
  const probe = await sim.issueToken(account.subdomain, { userId: account.admin.id, scopes: ['read'] });
  try {
    const client = createZendeskClient({
      endpoint: account.endpoint,
      accessToken: probe.access_token,
      hostMap: { [account.endpoint]: sim.baseUrl },
    });
    const tokens = await client.listTokens({ all: true, includeExpired: true });
    return tokens.some((token) => token.id === tokenId);
  } finally {
    await sim.revokeTokens(account.subdomain, { tokenId: probe.id });
  }
}
