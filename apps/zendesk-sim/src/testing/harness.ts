import type { AddressInfo } from 'node:net';
import { type ResponseMeta, type ZendeskClient, createZendeskClient, createZendeskOAuth } from '@zc/zendesk';
import { afterAll, beforeAll } from 'vitest';
import { buildSimulator, type Simulator } from '../app';
import type { CreateAccountInput } from '../application/schemas';

export const REDIRECT = 'https://connector.example.com/api/oauth/saga';

export interface Harness extends Simulator {
  readonly baseUrl: string;
  readonly clock: { advance(ms: number): void };
  close(): Promise<void>;
}

/** A listening simulator with a manual clock, for client-against-sim tests. */
export async function startSim(): Promise<Harness> {
  let now = Date.parse('2026-05-08T12:00:00Z');
  const sim = buildSimulator({ now: () => now });
  await sim.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = sim.app.server.address() as AddressInfo;
  return {
    ...sim,
    baseUrl: `http://127.0.0.1:${port}`,
    clock: {
      advance: (ms) => {
        now += ms;
      },
    },
    close: () => sim.app.close(),
  };
}

/** One simulator for the calling spec file: started before its tests, closed after them. */
export function simForFile(): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startSim();
  });
  afterAll(async () => harness?.close());
  return () => {
    if (!harness) throw new Error('simForFile: the simulator starts in beforeAll; use it inside tests');
    return harness;
  };
}

export interface SeededAccount {
  readonly subdomain: string;
  readonly adminId: number;
  readonly agentId: number;
  readonly clientSecret: string;
  readonly adminToken: string;
}

export function seedAccount(
  h: Harness,
  subdomain: string,
  settings: Omit<CreateAccountInput, 'subdomain'> = {},
): SeededAccount {
  h.control.createAccount({ subdomain, plan: 'enterprise', ...settings });
  const admin = h.control.addUser(subdomain, { name: 'Ada Admin', email: `ada@${subdomain}.test`, role: 'admin' });
  const agent = h.control.addUser(subdomain, { name: 'Aaron Agent', email: `aaron@${subdomain}.test`, role: 'agent' });
  const client = h.control.createOAuthClient(subdomain, { identifier: 'cas', redirectUris: [REDIRECT] });
  const token = h.control.issueToken(subdomain, { userId: admin.id, scopes: ['users:read', 'auditlogs:read'] });
  return {
    subdomain,
    adminId: admin.id,
    agentId: agent.id,
    clientSecret: client.secret,
    adminToken: token.access_token,
  };
}

export function clientFor(
  h: Harness,
  subdomain: string,
  token: string,
  extra: { onResponse?: (meta: ResponseMeta) => void; refreshAccessToken?: () => Promise<string> } = {},
): ZendeskClient {
  return createZendeskClient({
    endpoint: `${subdomain}.zendesk.com`,
    accessToken: token,
    hostMap: { [`${subdomain}.zendesk.com`]: h.baseUrl },
    ...extra,
  });
}

export function oauthFor(h: Harness, subdomain: string, secret: string) {
  return createZendeskOAuth({
    endpoint: `${subdomain}.zendesk.com`,
    clientId: 'cas',
    clientSecret: secret,
    hostMap: { [`${subdomain}.zendesk.com`]: h.baseUrl },
  });
}

/** Raw request with the account's Host header, for what the client deliberately does not expose. */
export async function hostInject(
  h: Harness,
  subdomain: string,
  url: string,
  init: { method?: string; token?: string; authorization?: string; payload?: unknown; form?: string } = {},
) {
  return h.app.inject({
    method: (init.method ?? 'GET') as 'GET',
    url,
    headers: {
      host: `${subdomain}.zendesk.com`,
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.authorization ? { authorization: init.authorization } : {}),
      ...(init.form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(init.form !== undefined
      ? { payload: init.form }
      : init.payload !== undefined
        ? { payload: init.payload as object }
        : {}),
  });
}
