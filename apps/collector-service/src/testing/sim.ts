import type { AddressInfo } from 'node:net';
import { ZendeskRateLimitedError, createZendeskClient } from '@zc/zendesk';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test and bench support only: the simulator stands in for Zendesk
import { buildSimulator, type Simulator } from '@zc/zendesk-sim';

export interface ArrivalLogEntry {
  /** Epoch ms when the request reached the simulator. */
  readonly at: number;
  readonly account: string;
  readonly path: string;
  /** `zc-collector/<instanceId>`: which collector instance sent it. */
  readonly userAgent: string;
}

export interface RunningSim extends Simulator {
  readonly baseUrl: string;
  /** Every request by arrival time and sender, in addition to the simulator's own request log. */
  readonly arrivals: ArrivalLogEntry[];
  close(): Promise<void>;
}

/** A listening simulator on a free port, on the real clock, logging who sent each request. */
export async function startSimulator(): Promise<RunningSim> {
  const sim = buildSimulator({});
  const arrivals: ArrivalLogEntry[] = [];
  sim.app.addHook('onRequest', (request, _reply, done) => {
    if (request.url.startsWith('/_sim')) return done();
    arrivals.push({
      at: Date.now(),
      account: (request.headers.host ?? '').replace(/\.zendesk\.com$/, ''),
      path: request.url.split('?')[0] ?? '',
      userAgent: request.headers['user-agent'] ?? '',
    });
    done();
  });
  await sim.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = sim.app.server.address() as AddressInfo;
  return { ...sim, baseUrl: `http://127.0.0.1:${port}`, arrivals, close: () => sim.app.close() };
}

export interface SeedOptions {
  readonly users?: number;
  readonly auditPerDay?: number;
  readonly days?: number;
  readonly rateLimitPerMinute?: number;
  readonly rateLimitWindowMs?: number;
  /** The account's name as Zendesk reports it; the simulator falls back to the subdomain. */
  readonly name?: string;
}

export interface SeededAccount {
  readonly subdomain: string;
  readonly adminId: number;
  readonly adminToken: string;
  readonly tokenId: number;
}

/** An Enterprise account with an admin, an OAuth client, seeded users and audit history, and a token. */
export function seedAccount(sim: Simulator, subdomain: string, options: SeedOptions = {}): SeededAccount {
  sim.control.createAccount({
    subdomain,
    plan: 'enterprise',
    ...(options.rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute: options.rateLimitPerMinute }),
    ...(options.rateLimitWindowMs === undefined ? {} : { rateLimitWindowMs: options.rateLimitWindowMs }),
    ...(options.name === undefined ? {} : { name: options.name }),
  });
  const admin = sim.control.addUser(subdomain, { name: 'Ada Admin', email: `ada@${subdomain}.test`, role: 'admin' });
  sim.control.createOAuthClient(subdomain, {
    identifier: 'cas',
    redirectUris: ['https://c.example.com/api/oauth/saga'],
  });
  sim.control.seed(subdomain, {
    users: options.users ?? 50,
    auditPerDay: options.auditPerDay ?? 100,
    days: options.days ?? 7,
  });
  const token = sim.control.issueToken(subdomain, { userId: admin.id, scopes: ['users:read', 'auditlogs:read'] });
  return { subdomain, adminId: admin.id, adminToken: token.access_token, tokenId: token.id };
}

export function issueAdminToken(sim: Simulator, account: SeededAccount): string {
  return sim.control.issueToken(account.subdomain, {
    userId: account.adminId,
    scopes: ['users:read', 'auditlogs:read'],
  }).access_token;
}

/** Every audit-log id the simulator holds for the account, read through the real client. */
export async function allAuditIds(sim: RunningSim, account: SeededAccount): Promise<Set<number>> {
  const client = createZendeskClient({
    endpoint: `${account.subdomain}.zendesk.com`,
    accessToken: issueAdminToken(sim, account),
    hostMap: { [`${account.subdomain}.zendesk.com`]: sim.baseUrl },
  });
  const ids = new Set<number>();
  let from = new Date(0);
  for (;;) {
    try {
      for await (const entry of client.auditLogs({ sort: 'created_at', createdFrom: from })) {
        ids.add(entry.id);
        from = new Date(entry.created_at);
      }
      return ids;
    } catch (error) {
      // The account may be throttled (by the collector under test too): wait as Zendesk says, then
      // carry on from the last second read, inclusively.
      if (!(error instanceof ZendeskRateLimitedError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs));
    }
  }
}
