import type { FastifyInstance } from 'fastify';
import type { SimState } from '../application/sim-state';
import { accountFromHost, resolveAuth } from './context';
import { sendFault, takeFault } from './faults';
import { loggedHeaders } from './logged-headers';
import { applyRateLimit } from './rate-limit-hook';

const isControl = (url: string) => url.startsWith('/_sim/') || url === '/_sim';

/**
 * The Zendesk side of every request: pick the account from Host only, authenticate, then apply
 * latency, injected faults and rate limits, in the order a client would observe them.
 */
export function registerZendeskHooks(app: FastifyInstance, state: SimState): void {
  app.decorateRequest('zendesk', null);

  app.addHook('onRequest', async (request, reply) => {
    if (isControl(request.url)) return;
    const account = accountFromHost(state, request.headers.host);
    if (!account) {
      return reply.code(404).type('text/html; charset=utf-8').send('<h1>Oops! This help center no longer exists</h1>');
    }
    const now = state.clock.now();
    request.zendesk = { account, auth: resolveAuth(account, request.headers.authorization, now) };
    if (account.settings.latencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, account.settings.latencyMs));
    }
    const path = request.url.split('?')[0] ?? '';
    const fault = takeFault(account, path);
    if (fault) return sendFault(reply, fault);
    if (path.startsWith('/api/v2/') && !applyRateLimit(account, reply, path.startsWith('/api/v2/incremental/'), now)) {
      return reply;
    }
    return undefined;
  });

  // Clock skew is observable the way it is in production: through the Date header.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('date', new Date(state.clock.now()).toUTCString());
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (isControl(request.url)) return;
    const auth = request.zendesk?.auth;
    const token = auth?.kind === 'token' ? auth.token : null;
    const client = token ? request.zendesk?.account.clientById(token.clientId) : undefined;
    state.record({
      timestamp: new Date(state.clock.now()).toISOString(),
      account: request.zendesk?.account.subdomain ?? null,
      method: request.method,
      path: request.url.split('?')[0] ?? '',
      query: { ...(request.query as Record<string, unknown>) },
      status: reply.statusCode,
      tokenId: token?.id ?? null,
      clientId: client?.identifier ?? null,
      headers: loggedHeaders(request.headers),
    });
  });
}
