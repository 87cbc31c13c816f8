import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { type SimControl, createControl } from './application/control';
import { registerZendeskHooks } from './http/hooks';
import { INVALID_ENDPOINT, sendJson } from './http/zendesk-errors';
import { accountRoutes } from './http/account-routes';
import { auditLogRoutes } from './http/audit-log-routes';
import { controlRoutes } from './http/control-routes';
import { incrementalUsersRoutes } from './http/incremental-users-routes';
import { oauthAuthorizeRoutes } from './http/oauth-authorize-routes';
import { oauthTokenRoute } from './http/oauth-token-routes';
import { opsRoutes } from './http/ops-routes';
import { tokenManagementRoutes } from './http/token-management-routes';
import { usersRoutes } from './http/users-routes';
import { SimState, createClock } from './application/sim-state';

export interface SimulatorOptions {
  /** Base clock in epoch ms; tests inject one, the control can advance or skew it further. */
  readonly now?: () => number;
  readonly logger?: FastifyServerOptions['logger'];
}

export interface Simulator {
  readonly app: FastifyInstance;
  readonly control: SimControl;
}

export function buildSimulator(options: SimulatorOptions = {}): Simulator {
  const state = new SimState(createClock(options.now ?? Date.now));
  const control = createControl(state);
  const app = Fastify({ logger: options.logger ?? false, keepAliveTimeout: 30_000 });
  void app.register(formbody);
  registerZendeskHooks(app, state);
  const now = () => state.clock.now();
  usersRoutes(app);
  accountRoutes(app);
  incrementalUsersRoutes(app, now);
  auditLogRoutes(app, now);
  tokenManagementRoutes(app, now);
  oauthTokenRoute(app, state);
  oauthAuthorizeRoutes(app, state);
  controlRoutes(app, control);
  opsRoutes(app);
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/_sim')) {
      return reply
        .code(404)
        .type('application/problem+json')
        .send({
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          code: 'SIM_NOT_FOUND',
          detail: `No control route ${request.method} ${request.url}`,
        });
    }
    return sendJson(reply, 404, INVALID_ENDPOINT);
  });
  return { app, control };
}
