import createClient from 'openapi-fetch';
import type { ActivityApiQuery } from '../domain/activity-filters';
import type { ProbeAnswer } from '../domain/scopes';
import type { paths as AuthPaths } from './generated/auth-service';
import type { paths as ProjectionPaths } from './generated/projection-service';
import { problemToError, unreachable } from './problems';
import type { RegisterBody } from './types';

export interface ServiceUrls {
  auth: string;
  projection: string;
}

const TIMEOUT_MS = 10_000;
/** A nil UUID: no connector has it, so a PATCH of it is a write-scope probe that can change nothing. */
const NO_CONNECTOR = '00000000-0000-0000-0000-000000000000';

type Result<T> = { data: T; error?: never; response: Response } | { data?: never; error: unknown; response: Response };

async function unwrap<T>(service: string, call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    throw unreachable(service, error);
  }
  if (result.error !== undefined || !result.response.ok) {
    throw problemToError(service, result.response.status, result.error);
  }
  return result.data as T;
}

const probe = async (call: Promise<{ response: Response }>): Promise<ProbeAnswer> => {
  const { response } = await call;
  if (response.status === 401) return 'unauthenticated';
  if (response.status === 403) return 'forbidden';
  return 'allowed';
};

/**
 * The auth and projection APIs as one signed-in admin calls them: typed by the generated OpenAPI types,
 * the key sent per call from the server-side session (it never reaches the browser).
 */
export function serviceApi(urls: ServiceUrls) {
  const auth = createClient<AuthPaths>({ baseUrl: urls.auth });
  const projection = createClient<ProjectionPaths>({ baseUrl: urls.projection });
  const A = 'auth service';
  const P = 'projection service';

  return (apiKey: string) => {
    const headers = { authorization: `Bearer ${apiKey}` };
    const common = () => ({ headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const id = (value: string) => ({ path: { id: value } });
    return {
      async probe() {
        try {
          const [read, write, activities] = await Promise.all([
            probe(auth.GET('/v1/connectors', common())),
            probe(
              auth.PATCH('/v1/connectors/{id}', { ...common(), params: id(NO_CONNECTOR), body: { name: 'probe' } }),
            ),
            // Users need the same scope as activities and are the cheaper read at 100,000 activities.
            probe(projection.GET('/v1/users', { ...common(), params: { query: { limit: 1 } } })),
          ]);
          return { read, write, activities };
        } catch (error) {
          throw unreachable(A, error);
        }
      },
      adminConnectors: () => unwrap(A, auth.GET('/v1/connectors', common())),
      adminConnector: (connectorId: string) =>
        unwrap(A, auth.GET('/v1/connectors/{id}', { ...common(), params: id(connectorId) })),
      register: (body: RegisterBody) => unwrap(A, auth.POST('/v1/connectors', { ...common(), body })),
      authorize: (connectorId: string) =>
        unwrap(A, auth.POST('/v1/connectors/{id}/authorize', { ...common(), params: id(connectorId) })),
      test: (connectorId: string) =>
        unwrap(A, auth.POST('/v1/connectors/{id}/test', { ...common(), params: id(connectorId) })),
      testRun: (connectorId: string, testId: string) =>
        unwrap(
          A,
          auth.GET('/v1/connectors/{id}/tests/{testId}', {
            ...common(),
            params: { path: { id: connectorId, testId } },
          }),
        ),
      rotateSecret: (connectorId: string, clientSecret: string) =>
        unwrap(
          A,
          auth.POST('/v1/connectors/{id}/credentials', {
            ...common(),
            params: id(connectorId),
            body: { clientSecret },
          }),
        ),
      changeRateLimit: (connectorId: string, rateLimitPerMinute: number) =>
        unwrap(
          A,
          auth.PATCH('/v1/connectors/{id}', { ...common(), params: id(connectorId), body: { rateLimitPerMinute } }),
        ),
      recollect: (connectorId: string, window: { from: string; to: string }) =>
        unwrap(A, auth.POST('/v1/connectors/{id}/recollect', { ...common(), params: id(connectorId), body: window })),
      disconnect: (connectorId: string) =>
        unwrap(A, auth.DELETE('/v1/connectors/{id}', { ...common(), params: id(connectorId) })),

      statuses: () => unwrap(P, projection.GET('/v1/connectors', { ...common(), params: { query: { limit: 500 } } })),
      status: (connectorId: string) =>
        unwrap(P, projection.GET('/v1/connectors/{id}/status', { ...common(), params: id(connectorId) })),
      history: (connectorId: string) =>
        unwrap(
          P,
          projection.GET('/v1/connectors/{id}/history', {
            ...common(),
            params: { ...id(connectorId), query: { limit: 50 } },
          }),
        ),
      activities: (query: ActivityApiQuery, page: { limit: number; cursor?: string }) =>
        unwrap(
          P,
          projection.GET('/v1/activities', {
            ...common(),
            // `q` and CIDR ranges in `ip` are the projection's newer filters; older ones answer 400 naming them.
            params: { query: { ...query, ...page } },
          }),
        ),
      activity: (activityId: string) =>
        unwrap(P, projection.GET('/v1/activities/{id}', { ...common(), params: id(activityId) })),
      users: (page: { limit: number; cursor?: string | undefined; connector?: string | undefined }) =>
        unwrap(
          P,
          projection.GET('/v1/users', {
            ...common(),
            params: {
              query: {
                limit: page.limit,
                ...(page.cursor === undefined ? {} : { cursor: page.cursor }),
                ...(page.connector === undefined ? {} : { connector: page.connector }),
              },
            },
          }),
        ),
      lag: () => unwrap(P, projection.GET('/v1/lag', { ...common(), params: { query: {} } })),
      /** The raw NDJSON export response (streamed; no timeout, it ends when the window is written). */
      exportActivities: async (query: ActivityApiQuery, signal: AbortSignal): Promise<Response> => {
        const search = new URLSearchParams(
          Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
        );
        try {
          return await fetch(`${urls.projection}/v1/activities/export?${search.toString()}`, { headers, signal });
        } catch (error) {
          throw unreachable(P, error);
        }
      },
    };
  };
}
export type ServiceApi = ReturnType<ReturnType<typeof serviceApi>>;
