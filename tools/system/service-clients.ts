import { jsonClient, type JsonClient } from './http-json';

/** The part of the auth service's connector view the tools read (apps/auth-service/src/http/schemas.ts). */
export interface AdminConnector {
  id: string;
  name: string;
  endpoint: string;
  state: 'registered' | 'authorizing' | 'authorized' | 'failed' | 'disconnected';
  needsReconnect: boolean;
  version: number;
  authorization: { zendeskUser: { email: string; role: string }; token: { zendeskTokenId: number } } | null;
  lastFailure: { reason: string; message: string } | null;
  lastTest: { ok: boolean; checks: { name: string; ok: boolean; code?: string }[] } | null;
  disconnected: { tokenRevoked: boolean; at: string } | null;
  nextStep: string;
}

export interface AuthorizeStart {
  authorizeUrl: string;
  browserUrl: string;
  expiresAt: string;
}

export interface RegisterInput {
  name: string;
  clientId: string;
  clientSecret: string;
  endpoint: string;
  rateLimitPerMinute?: number;
}

/** The auth service's admin API (design §6), authenticated with an admin key. */
export function adminApi(baseUrl: string, apiKey: string) {
  const http: JsonClient = jsonClient(baseUrl, apiKey);
  const path = (id: string, tail = '') => `/v1/connectors/${encodeURIComponent(id)}${tail}`;
  return {
    http,
    register: (input: RegisterInput) => http.post<AdminConnector>('/v1/connectors', input),
    list: async () => (await http.get<{ items: AdminConnector[] }>('/v1/connectors')).items,
    get: (id: string) => http.get<AdminConnector>(path(id)),
    authorize: (id: string) => http.post<AuthorizeStart>(path(id, '/authorize')),
    test: (id: string) => http.post<{ testId: string }>(path(id, '/test')),
    recollect: (id: string, window: { from: string; to: string }) =>
      http.post<AdminConnector>(path(id, '/recollect'), window),
    changeRateLimit: (id: string, rateLimitPerMinute: number) =>
      http.patch<AdminConnector>(path(id), { rateLimitPerMinute }),
    disconnect: (id: string) => http.delete<AdminConnector>(path(id)),
  };
}
export type AdminApi = ReturnType<typeof adminApi>;

/** The projection service's status view of one connector (fields the tools read; the rest passes through). */
export interface ConnectorStatusView {
  connectorId: string;
  status: string;
  reason?: string;
  message?: string;
  backfill?: {
    completedAt?: string | null;
    users?: { ratio?: number | null; itemsFetched?: number } | number | null;
    auditLogs?: { ratio?: number | null; itemsFetched?: number } | number | null;
    [key: string]: unknown;
  } | null;
  [key: string]: unknown;
}

export interface ActivityItem {
  activityId?: string;
  id?: string;
  auditLogId: number;
  occurredAt: string;
  actor: { id: number; name: string; type: string };
  action: string;
  actionLabel?: string;
  source?: { type: string; label: string };
  description?: string;
  [key: string]: unknown;
}

interface Page<T> {
  items: T[];
  nextCursor?: string | null;
  next?: string | null;
}

/** The projection service's query API (design §6). */
export function queryApi(baseUrl: string, apiKey: string) {
  const http: JsonClient = jsonClient(baseUrl, apiKey);
  return {
    http,
    status: (id: string) => http.get<ConnectorStatusView>(`/v1/connectors/${encodeURIComponent(id)}/status`),
    history: (id: string) => http.get<unknown>(`/v1/connectors/${encodeURIComponent(id)}/history`),
    /** Every activity of a connector in [from, to], following the keyset cursor to the end. */
    async activities(query: {
      connectorId: string;
      from?: string;
      to?: string;
      limit?: number;
    }): Promise<ActivityItem[]> {
      const params = new URLSearchParams({ connector: query.connectorId, limit: String(query.limit ?? 500) });
      if (query.from !== undefined) params.set('from', query.from);
      if (query.to !== undefined) params.set('to', query.to);
      const all: ActivityItem[] = [];
      for (;;) {
        const page = await http.get<Page<ActivityItem>>(`/v1/activities?${params.toString()}`);
        all.push(...page.items);
        const cursor = page.nextCursor ?? page.next ?? null;
        if (cursor === null || page.items.length === 0) return all;
        params.set('cursor', cursor);
      }
    },
  };
}
export type QueryApi = ReturnType<typeof queryApi>;
