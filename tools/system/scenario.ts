import { waitFor } from '@zc/testing';
import { jsonClient } from './http-json';
import { completeOAuth, type OAuthOutcome } from './oauth-flow';
import { adminApi, queryApi, type AdminApi, type AdminConnector, type QueryApi } from './service-clients';
import {
  provisionAccount,
  simAuditLogIds,
  simControl,
  type ProvisionedAccount,
  type ProvisionOptions,
  type SimControlClient,
} from './sim-control';
import type { System } from './system';

/** The collector's internal view of one connector's collection (apps/collector-service/src/app.ts). */
export interface CollectionState {
  connectorId: string;
  status: string | null;
  owner: { instanceId: string | null; fence: number } | null;
  checkpoint: { auditLogsAt: string; activitiesPublished: number; usersPublished: number } | null;
  backfill: {
    from: string;
    to: string;
    completed: boolean;
    auditLogsDone: boolean;
    usersDone: boolean;
    /** Newer collectors: the backfill's own position, share and ETA (the live tail runs beside it). */
    auditLogsAt?: string;
    ratio?: number;
    estimatedCompletionAt?: string | null;
  } | null;
  health: Record<string, { failing: string | null; consecutive: number }> | null;
}

/** Clients for every surface of one running system. */
export function clientsOf(system: System) {
  const collector = jsonClient(system.urls['collector-service']);
  return {
    sim: simControl(system.urls['zendesk-sim']),
    admin: adminApi(system.urls['auth-service'], system.adminKey),
    query: queryApi(system.urls['projection-service'], system.adminKey),
    collection: async (connectorId: string): Promise<CollectionState | null> => {
      const answer = await collector.raw<CollectionState>(`/v1/collection/${encodeURIComponent(connectorId)}`, {
        accept: [404],
      });
      return answer.status === 404 ? null : answer.body;
    },
  };
}
export type SystemClients = ReturnType<typeof clientsOf>;

export interface ConnectedAccount {
  account: ProvisionedAccount;
  connector: AdminConnector;
  oauth: OAuthOutcome;
}

type AccountOptions = Omit<ProvisionOptions, 'redirectUri'> & { rateLimitPerMinute?: number };

/** A new simulator account and a connector registered for it (not yet connected). */
export async function registerNewAccount(
  system: System,
  subdomain: string,
  options: AccountOptions = {},
): Promise<{ account: ProvisionedAccount; connector: AdminConnector }> {
  const { sim, admin } = clientsOf(system);
  const account = await provisionAccount(sim, subdomain, {
    ...options,
    redirectUri: `${system.urls['auth-service']}/api/oauth/saga`,
  });
  const connector = await admin.register({
    name: `${subdomain} Zendesk`,
    clientId: account.clientId,
    clientSecret: account.clientSecret,
    endpoint: account.endpoint,
    ...(options.rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute: options.rateLimitPerMinute }),
  });
  return { account, connector };
}

/** A new simulator account, a connector registered for it, and the OAuth flow completed by its admin. */
export async function connectNewAccount(
  system: System,
  subdomain: string,
  options: AccountOptions = {},
): Promise<ConnectedAccount> {
  const { admin } = clientsOf(system);
  const { account, connector } = await registerNewAccount(system, subdomain, options);
  const oauth = await completeOAuth(admin, connector.id, { zendeskBaseUrl: system.urls['zendesk-sim'] });
  if (!oauth.ok) throw new Error(`OAuth did not complete: ${JSON.stringify(oauth.callback)}`);
  return { account, connector: await admin.get(connector.id), oauth };
}

export interface Comparison {
  connectorId: string;
  window: { from: Date; to: Date };
  expected: number;
  seen: number;
  missing: number[];
  unexpected: number[];
  duplicates: number[];
  /** A few unexpected items as the view shows them (account, connectors), for diagnosis. */
  unexpectedSample: unknown[];
}

/**
 * The activity view against the simulator for one window: every audit-log id Zendesk holds is in the view
 * exactly once, and nothing else is. The window is inclusive, at second precision like Zendesk's filter.
 */
export async function compareActivities(
  sim: SimControlClient,
  query: QueryApi,
  account: ProvisionedAccount,
  connectorId: string,
  window: { from: Date; to: Date },
): Promise<Comparison> {
  const expected = await simAuditLogIds(sim, account, window);
  const from = Math.floor(window.from.getTime() / 1000) * 1000;
  const to = Math.floor(window.to.getTime() / 1000) * 1000 + 999;
  const items = await query.activities({
    connectorId,
    from: new Date(from).toISOString(),
    to: new Date(to + 1).toISOString(),
  });
  const inWindow = items.filter((item) => {
    const at = Date.parse(item.occurredAt);
    return at >= from && at <= to;
  });
  const counts = new Map<number, number>();
  for (const item of inWindow) counts.set(item.auditLogId, (counts.get(item.auditLogId) ?? 0) + 1);
  return {
    connectorId,
    window,
    expected: expected.size,
    seen: inWindow.length,
    missing: [...expected].filter((id) => !counts.has(id)),
    unexpected: [...counts.keys()].filter((id) => !expected.has(id)),
    duplicates: [...counts].filter(([, n]) => n > 1).map(([id]) => id),
    unexpectedSample: inWindow
      .filter((item) => !expected.has(item.auditLogId))
      .slice(0, 3)
      .map((item) => ({ auditLogId: item.auditLogId, account: item['account'], connectorIds: item['connectorIds'] })),
  };
}

/** True when a comparison shows the same set, nothing lost, nothing twice. */
export const sameSet = (c: Comparison): boolean =>
  c.missing.length === 0 && c.unexpected.length === 0 && c.duplicates.length === 0;

export type { AdminApi };

/** Waits until the collector reports a completed backfill for the connector, and returns its state. */
export async function backfillCompleted(
  clients: SystemClients,
  connectorId: string,
  timeoutMs = 120_000,
  coveredUntil?: Date,
) {
  return waitFor(
    async () => {
      const state = await clients.collection(connectorId);
      if (state?.backfill?.completed !== true) return null;
      const at = Date.parse(state.checkpoint?.auditLogsAt ?? '');
      return coveredUntil === undefined || at >= coveredUntil.getTime() ? state : null;
    },
    {
      timeoutMs,
      intervalMs: 500,
      description: `the backfill of ${connectorId} to complete${coveredUntil ? ` and cover ${coveredUntil.toISOString()}` : ''}`,
    },
  );
}

export interface Settled {
  window: { from: Date; to: Date };
  /** The view comparison; null when the projection service is not part of the system. */
  comparison: Comparison | null;
  status: string | null;
}

/**
 * The end state every resilience case asserts: backfill complete, the activity view equal to the
 * simulator's set for the covered window (backfill start → the collector's checkpoint), and the status
 * the projection shows. Without a projection service it checks what the collector published instead.
 */
export async function settledAndEqual(
  system: System,
  connected: ConnectedAccount,
  options: { timeoutMs?: number; expectStatus?: string; coveredUntil?: Date } = {},
): Promise<Settled> {
  const clients = clientsOf(system);
  const id = connected.connector.id;
  // Below the e2e test timeout (120 s), so a mismatch reports its details instead of a bare timeout.
  const timeoutMs = options.timeoutMs ?? 90_000;
  const state = await backfillCompleted(clients, id, timeoutMs, options.coveredUntil);
  const window = { from: new Date(state.backfill?.from ?? 0), to: new Date(state.checkpoint?.auditLogsAt ?? 0) };
  if (!system.services.includes('projection-service')) {
    const expected = await simAuditLogIds(clients.sim, connected.account, window);
    if ((state.checkpoint?.activitiesPublished ?? 0) < expected.size) {
      throw new Error(
        `collector published ${String(state.checkpoint?.activitiesPublished)} < ${String(expected.size)}`,
      );
    }
    return { window, comparison: null, status: null };
  }
  let last: Comparison | null = null;
  try {
    await waitFor(
      async () => {
        last = await compareActivities(clients.sim, clients.query, connected.account, id, window);
        return sameSet(last);
      },
      { timeoutMs, intervalMs: 1_000, description: 'the activity view to equal the simulator set' },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${JSON.stringify(summary(last))}`, { cause: error });
  }
  const expectStatus = options.expectStatus ?? 'Connected';
  const status = await waitFor(
    async () => {
      const view = await clients.query.status(id);
      return view.status === expectStatus ? view.status : null;
    },
    { timeoutMs: 60_000, intervalMs: 500, description: `projection status ${expectStatus}` },
  );
  return { window, comparison: last, status };
}

const summary = (c: Comparison | null) =>
  c && {
    expected: c.expected,
    seen: c.seen,
    missing: c.missing.slice(0, 10),
    unexpected: c.unexpected.slice(0, 10),
    duplicates: c.duplicates.slice(0, 10),
    unexpectedSample: c.unexpectedSample,
    connectorId: c.connectorId,
  };
