import { Account, AccountSettingsSchema } from '../domain/account';
import type { OAuthClient } from '../domain/oauth-model';
import { issueToken, type TokenGrantBody } from '../domain/oauth-issue';
import type { SimUser } from '../domain/user';
import type { RequestLogEntry, SimState } from './sim-state';
import { addAuditEntries, addBurst } from './audit-ops';
import { conflict, notFound } from './errors';
import * as S from './schemas';
import { type SeedResult, seedAccount } from './seed';

export interface AccountSummary {
  readonly subdomain: string;
  readonly settings: Account['settings'];
  readonly rateLimit: number;
  readonly users: number;
  readonly auditEntries: number;
}

/** Same capabilities as the `/_sim/` HTTP routes, for in-process tests. */
export interface SimControl {
  createAccount(input: S.CreateAccountInput): AccountSummary;
  updateAccount(subdomain: string, patch: S.UpdateAccountInput): AccountSummary;
  getAccount(subdomain: string): AccountSummary;
  /** Every user the account holds, whatever the role or state: the truth a users backfill is checked against. */
  listUsers(subdomain: string): SimUser[];
  listAccounts(): AccountSummary[];
  createOAuthClient(subdomain: string, input: S.CreateClientInput): OAuthClient;
  addUser(subdomain: string, input: S.CreateUserInput): SimUser;
  setUserRole(subdomain: string, userId: number, input: S.SetRoleInput): SimUser;
  setUserSuspended(subdomain: string, userId: number, suspended: boolean): SimUser;
  seed(subdomain: string, input: S.SeedInput): SeedResult;
  addAuditEntries(subdomain: string, input: S.AddAuditInput): number[];
  addAuditBurst(subdomain: string, input: S.BurstInput): number[];
  issueToken(subdomain: string, input: S.IssueTokenInput): TokenGrantBody & { id: number };
  revokeTokens(subdomain: string, input: S.RevokeInput): number;
  failNext(subdomain: string, input: S.FaultInput): void;
  setLatency(subdomain: string, ms: number): void;
  advanceClock(ms: number): void;
  setClockSkew(ms: number): void;
  now(): number;
  requests(filter?: { account?: string }): RequestLogEntry[];
  clearRequests(filter?: { account?: string }): void;
}

export function createControl(state: SimState): SimControl {
  const account = (subdomain: string): Account => {
    const found = state.accounts.get(subdomain);
    if (!found) throw notFound(`account ${subdomain}`);
    return found;
  };
  const user = (a: Account, id: number): SimUser => {
    const found = a.users.get(id);
    if (!found) throw notFound(`user ${id}`);
    return found;
  };
  const summary = (a: Account): AccountSummary => ({
    subdomain: a.subdomain,
    settings: a.settings,
    rateLimit: a.rateLimit,
    users: a.users.size,
    auditEntries: a.audit.size,
  });
  const nowSeconds = () => Math.floor(state.clock.now() / 1000);

  const control: SimControl = {
    createAccount(input) {
      const { subdomain, ...settings } = S.CreateAccountSchema.parse(input);
      if (state.accounts.has(subdomain)) throw conflict(`account ${subdomain}`);
      const created = new Account(subdomain, AccountSettingsSchema.parse(settings));
      state.accounts.set(subdomain, created);
      return summary(created);
    },
    updateAccount(subdomain, patch) {
      const a = account(subdomain);
      // zod 4 fills defaults even in a partial schema; keep only the settings the patch names.
      const given = new Set(Object.keys(patch).filter((key) => patch[key as keyof typeof patch] !== undefined));
      const changes = Object.fromEntries(
        Object.entries(S.UpdateAccountSchema.parse(patch)).filter(([key]) => given.has(key)),
      );
      a.settings = AccountSettingsSchema.parse({ ...a.settings, ...changes });
      return summary(a);
    },
    getAccount: (subdomain) => summary(account(subdomain)),
    listUsers: (subdomain) => account(subdomain).users.all(),
    listAccounts: () => [...state.accounts.values()].map(summary),
    createOAuthClient(subdomain, input) {
      const a = account(subdomain);
      const parsed = S.CreateClientSchema.parse(input);
      if (a.clients.has(parsed.identifier)) throw conflict(`client ${parsed.identifier}`);
      const client: OAuthClient = {
        id: state.nextId(),
        name: parsed.name ?? parsed.identifier,
        identifier: parsed.identifier,
        kind: parsed.kind,
        secret: parsed.secret ?? state.randomToken(),
        redirectUris: parsed.redirectUris,
        userId: parsed.userId ?? a.owner() ?? 0,
        tokenMode: parsed.tokenMode,
        allowedScopes: parsed.allowedScopes,
        createdAt: state.clock.now(),
      };
      a.clients.set(client.identifier, client);
      return client;
    },
    addUser(subdomain, input) {
      const a = account(subdomain);
      const p = S.CreateUserSchema.parse(input);
      const t = nowSeconds();
      const created: SimUser = {
        id: state.nextId(),
        name: p.name,
        email: p.email,
        role: p.role,
        roleType: p.customRoleId === null ? null : 0,
        customRoleId: p.customRoleId,
        active: true,
        suspended: p.suspended,
        createdAt: t,
        updatedAt: t,
        lastLoginAt: null,
        timeZone: 'Eastern Time (US & Canada)',
        ianaTimeZone: 'America/New_York',
        locale: 'en-US',
        organizationId: null,
        tags: [],
      };
      a.users.put(created);
      return created;
    },
    setUserRole(subdomain, userId, input) {
      const a = account(subdomain);
      const p = S.SetRoleSchema.parse(input);
      const updated = {
        ...user(a, userId),
        role: p.role,
        customRoleId: p.customRoleId,
        roleType: p.customRoleId === null ? null : 0,
        updatedAt: nowSeconds(),
      };
      a.users.put(updated);
      return updated;
    },
    setUserSuspended(subdomain, userId, suspended) {
      const a = account(subdomain);
      const updated = { ...user(a, userId), suspended, updatedAt: nowSeconds() };
      a.users.put(updated);
      return updated;
    },
    seed: (subdomain, input) => seedAccount(state, account(subdomain), input),
    addAuditEntries: (subdomain, input) => addAuditEntries(state, account(subdomain), input),
    addAuditBurst: (subdomain, input) => addBurst(state, account(subdomain), input),
    issueToken(subdomain, input) {
      const a = account(subdomain);
      const p = S.IssueTokenSchema.parse(input);
      const client = p.clientIdentifier ? a.clients.get(p.clientIdentifier) : [...a.clients.values()][0];
      if (!client) throw notFound('OAuth client');
      user(a, p.userId);
      const deps = { nowMs: state.clock.now(), nextId: state.nextId, randomToken: state.randomToken };
      const request = { client, userId: p.userId, scopes: p.scopes, refreshable: true };
      const body = issueToken(a, p.expiresIn === undefined ? request : { ...request, expiresIn: p.expiresIn }, deps);
      const token = a.tokens.byAccessToken(body.access_token);
      return { ...body, id: token?.id ?? 0 };
    },
    revokeTokens(subdomain, input) {
      const a = account(subdomain);
      const p = S.RevokeSchema.parse(input);
      const doomed = a.tokens
        .list()
        .filter((t) => p.all || t.id === p.tokenId || (p.userId !== undefined && t.userId === p.userId));
      for (const t of doomed) a.tokens.revoke(t.id);
      return doomed.length;
    },
    failNext(subdomain, input) {
      account(subdomain).faults.push({ ...S.FaultSchema.parse(input), remaining: S.FaultSchema.parse(input).count });
    },
    setLatency(subdomain, ms) {
      control.updateAccount(subdomain, { latencyMs: ms });
    },
    advanceClock: (ms) => state.clock.advance(ms),
    setClockSkew: (ms) => state.clock.setSkew(ms),
    now: () => state.clock.now(),
    requests: (filter) => state.requests().filter((r) => !filter?.account || r.account === filter.account),
    clearRequests: (filter) => state.clearRequests(filter?.account),
  };
  return control;
}
