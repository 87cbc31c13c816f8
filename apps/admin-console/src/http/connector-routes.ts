import { isAppError } from '@zc/errors';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceApi } from '../api/service-api';
import type { ConnectionTestRun, ConnectorStatus, StatusHistory } from '../api/types';
import { OutcomeCode } from '../domain/oauth-outcome';
import { connectorPage, disconnectPage, type ConnectorPageData } from '../pages/connector';
import { connectorsPage, type ConnectorRow } from '../pages/connectors';
import { fieldMessages } from '../pages/forms';
import { newConnectorPage } from '../pages/new-connector';
import { sendPage, type ToolsOf } from './context';
import { assertCanWrite } from './session';

const IdParams = z.object({ id: z.uuid() });
const RegisterForm = z.object({
  name: z.string().default(''),
  clientId: z.string().default(''),
  clientSecret: z.string().default(''),
  endpoint: z.string().trim().default(''),
});
const PageQuery = z.object({
  outcome: z.string().regex(OutcomeCode).optional(),
  created: z.literal('1').optional(),
  done: z.enum(['secret', 'rate-limit', 'recollect', 'disconnected']).optional(),
  /** The Test now this page follows until its checks are done. */
  test: z.uuid().optional(),
});
const NOTICES = {
  created:
    'Connector added. Paste the redirect URL into the Zendesk OAuth client if you have not, then Connect in Zendesk.',
  secret: 'Client secret rotated. It is stored encrypted and not shown.',
  'rate-limit': 'Rate limit changed.',
  recollect: 'Re-collection requested; the collector fetches the window again.',
  disconnected: 'Disconnected. The token was revoked at Zendesk.',
} as const;

/** The projection may not know a connector yet (just registered); that is not an error for the page. */
const optional = async <T>(call: Promise<T>): Promise<T | undefined> => {
  try {
    return await call;
  } catch (error) {
    if (isAppError(error) && error.status === 404) return undefined;
    throw error;
  }
};

const utc = (local: string) => new Date(`${local.length === 16 ? `${local}:00` : local}Z`);

export interface ConnectorRouteOptions {
  tools: ToolsOf;
  redirectUrl: string;
}

export function connectorRoutes(app: FastifyInstance, { tools, redirectUrl }: ConnectorRouteOptions) {
  app.get('/', async (_request, reply) => reply.redirect('/connectors', 303));

  app.get('/connectors', async (request, reply) => {
    const { api, page } = tools(request, reply);
    const [admin, statuses] = await Promise.all([api.adminConnectors(), api.statuses()]);
    const byId = new Map(statuses.items.map((status) => [status.connectorId, status]));
    const rows: ConnectorRow[] = admin.items.map((c) => ({ admin: c, status: byId.get(c.id) }));
    return sendPage(reply, connectorsPage(page('connectors'), rows));
  });

  app.get('/connectors/new', async (request, reply) => {
    const { user, page } = tools(request, reply);
    assertCanWrite(user);
    return sendPage(reply, newConnectorPage(page('new'), { values: {}, errors: {}, summary: null, redirectUrl }));
  });

  app.post('/connectors', async (request, reply) => {
    const { api, user, page } = tools(request, reply);
    assertCanWrite(user);
    const form = RegisterForm.parse(request.body ?? {});
    try {
      const created = await api.register(form);
      return reply.redirect(`/connectors/${created.id}?created=1`, 303);
    } catch (error) {
      if (!isAppError(error) || error.status !== 400) throw error;
      // The secret is not echoed back: the admin types it again.
      const values = { name: form.name, clientId: form.clientId, endpoint: form.endpoint };
      const view = { values, errors: fieldMessages(error.fields), summary: error.detail, redirectUrl };
      return sendPage(reply, newConnectorPage(page('new'), view), 400);
    }
  });

  const loadPage = async (
    api: ServiceApi,
    id: string,
    testId?: string,
  ): Promise<Omit<ConnectorPageData, 'outcome' | 'notice' | 'errors'>> => {
    const [admin, status, history, testRun] = await Promise.all([
      api.adminConnector(id),
      optional<ConnectorStatus>(api.status(id)),
      optional<StatusHistory>(api.history(id)),
      testId === undefined ? undefined : optional<ConnectionTestRun>(api.testRun(id, testId)),
    ]);
    return { admin, status, history, testRun };
  };

  app.get('/connectors/:id', async (request, reply) => {
    const { api, page } = tools(request, reply);
    const { id } = IdParams.parse(request.params);
    const query = PageQuery.parse(request.query);
    const loaded = await loadPage(api, id, query.test);
    let notice: string | null = query.created ? NOTICES.created : query.done ? NOTICES[query.done] : null;
    if (query.done === 'disconnected' && loaded.admin.disconnected?.tokenRevoked === false) {
      notice = 'Disconnected. Zendesk did not confirm the token’s revocation: revoke it in Zendesk Admin Center.';
    }
    const data = {
      ...loaded,
      outcome: query.outcome ?? null,
      notice,
      errors: {},
    };
    return sendPage(reply, connectorPage(page('connectors'), data));
  });

  /** Runs a write; a 400 re-renders the page with the API's field errors next to the inputs. */
  const write = (path: string, run: (api: ServiceApi, id: string, body: Record<string, string>) => Promise<string>) =>
    app.post(`/connectors/:id/${path}`, async (request, reply) => {
      const { api, user, page } = tools(request, reply);
      assertCanWrite(user);
      const { id } = IdParams.parse(request.params);
      const body = z.record(z.string(), z.string()).parse(request.body ?? {});
      try {
        return reply.redirect(await run(api, id, body), 303);
      } catch (error) {
        if (!isAppError(error) || error.status !== 400) throw error;
        const data = {
          ...(await loadPage(api, id)),
          outcome: null,
          notice: null,
          errors: fieldMessages(error.fields),
        };
        return sendPage(reply, connectorPage(page('connectors'), { ...data, notice: error.detail }), 400);
      }
    });

  write('authorize', async (api, id) => (await api.authorize(id)).browserUrl);
  write('test', async (api, id) => `/connectors/${id}?test=${(await api.test(id)).testId}`);
  write('secret', async (api, id, body) => {
    await api.rotateSecret(id, body['clientSecret'] ?? '');
    return `/connectors/${id}?done=secret`;
  });
  write('rate-limit', async (api, id, body) => {
    const value = Number(body['rateLimitPerMinute']);
    await api.changeRateLimit(id, Number.isFinite(value) ? value : -1);
    return `/connectors/${id}?done=rate-limit`;
  });
  write('recollect', async (api, id, body) => {
    const from = utc(body['from'] ?? '');
    const to = utc(body['to'] ?? '');
    await api.recollect(id, {
      from: Number.isNaN(from.getTime()) ? (body['from'] ?? '') : from.toISOString(),
      to: Number.isNaN(to.getTime()) ? (body['to'] ?? '') : to.toISOString(),
    });
    return `/connectors/${id}?done=recollect`;
  });
  write('disconnect', async (api, id) => {
    await api.disconnect(id);
    return `/connectors/${id}?done=disconnected`;
  });

  app.get('/connectors/:id/disconnect', async (request, reply) => {
    const { api, user, page } = tools(request, reply);
    assertCanWrite(user);
    const { id } = IdParams.parse(request.params);
    return sendPage(reply, disconnectPage(page('connectors'), await api.adminConnector(id)));
  });
}
