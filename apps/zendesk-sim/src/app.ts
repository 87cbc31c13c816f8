import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { type SimControl, createControl } from './control/control';
import { registerZendeskHooks } from './http/hooks';
import { INVALID_ENDPOINT, sendJson } from './http/zendesk-errors';
import { accountRoutes } from './routes/account';
import { auditLogRoutes } from './routes/audit-logs';
import { controlRoutes } from './routes/control';
import { incrementalUsersRoutes } from './routes/incremental-users';
import { oauthAuthorizeRoutes } from './routes/oauth-authorize';
import { oauthTokenRoute } from './routes/oauth-token';
import { opsRoutes } from './routes/ops';
import { tokenManagementRoutes } from './routes/token-management';
import { usersRoutes } from './routes/users';
import { SimState, createClock } from './sim-state';

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
