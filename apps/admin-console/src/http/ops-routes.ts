import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { samplesOf } from '../domain/prometheus-text';
import { operationsPage } from '../pages/operations';
import { usersPage } from '../pages/users';
import { sendPage, type ToolsOf } from './context';

const UsersQuery = z.object({
  connector: z.string().min(1).max(200).optional(),
  cursor: z.string().min(1).max(500).optional(),
});

export interface OpsRouteOptions {
  tools: ToolsOf;
  /** Service name → base URL, for the /metrics links and the auth service's outbox gauges. */
  services: { name: string; url: string }[];
}

export function opsRoutes(app: FastifyInstance, { tools, services }: OpsRouteOptions) {
  app.get('/users', async (request, reply) => {
    const { api, page } = tools(request, reply);
    const query = UsersQuery.parse(request.query ?? {});
    const users = await api.users({ limit: 100, ...query });
    return sendPage(reply, usersPage(page('users'), users, query.connector));
  });

  app.get('/operations', async (request, reply) => {
    const { api, page } = tools(request, reply);
    const auth = services.find((s) => s.name === 'auth-service');
    const [lag, outbox] = await Promise.all([
      api.lag().then(
        (report) => ({ report, error: null }),
        (error: unknown) => ({ report: null, error: error instanceof Error ? error.message : 'unavailable' }),
      ),
      auth === undefined
        ? Promise.resolve(null)
        : fetch(`${auth.url}/metrics`, { signal: AbortSignal.timeout(5_000) })
            .then(async (response) => (response.ok ? samplesOf(await response.text(), 'zc_outbox_') : null))
            .catch(() => null),
    ]);
    const metrics = services.map((s) => ({ service: s.name, url: `${s.url}/metrics` }));
    return sendPage(
      reply,
      operationsPage(page('operations'), { lag: lag.report, lagError: lag.error, outbox, metrics }),
    );
  });
}
