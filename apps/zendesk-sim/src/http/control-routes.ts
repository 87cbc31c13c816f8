import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SimControl } from '../application/control';
import { SimControlError } from '../application/errors';
import { ClockSchema } from '../application/schemas';

const Params = z.object({ subdomain: z.string(), userId: z.coerce.number().int().optional() });
const SuspendSchema = z.object({ suspended: z.boolean() });
const LatencySchema = z.object({ ms: z.number().int().nonnegative() });

/**
 * The `/_sim/` surface: thin HTTP wrappers over the control object. Bodies are validated by the
 * control's zod schemas; failures come back as RFC 9457 problem details.
 */
export function controlRoutes(app: FastifyInstance, control: SimControl): void {
  app.setErrorHandler((error, request, reply) => {
    if (!request.url.startsWith('/_sim')) {
      request.log.error({ err: error }, 'unhandled error on a Zendesk route');
      return reply.code(500).type('application/json; charset=utf-8').send('{"error":"InternalError"}');
    }
    if (error instanceof z.ZodError) {
      return reply
        .code(400)
        .type('application/problem+json')
        .send({
          type: 'about:blank',
          title: 'Invalid request',
          status: 400,
          code: 'SIM_VALIDATION',
          detail: 'The request body is invalid',
          errors: error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
        });
    }
    const known = error instanceof SimControlError;
    const status = known ? error.status : 500;
    return reply
      .code(status)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: known ? error.code : 'Internal error',
        status,
        code: known ? error.code : 'SIM_INTERNAL',
        detail: known ? error.message : 'Unexpected error',
      });
  });

  // Sync bodies wrapped in a promise: Fastify sends a resolved value, and thrown errors reach the handler.
  const handle =
    <T>(fn: (req: FastifyRequest, reply: FastifyReply) => T) =>
    (req: FastifyRequest, reply: FastifyReply): Promise<T> =>
      Promise.resolve().then(() => fn(req, reply));
  const sub = (params: unknown) => Params.parse(params).subdomain;
  const uid = (params: unknown) => Params.parse(params).userId ?? -1;

  app.get(
    '/_sim/accounts',
    handle(() => control.listAccounts()),
  );
  app.post(
    '/_sim/accounts',
    handle((req, reply) => reply.code(201).send(control.createAccount(req.body as never))),
  );
  app.get(
    '/_sim/accounts/:subdomain',
    handle((req) => control.getAccount(sub(req.params))),
  );
  app.patch(
    '/_sim/accounts/:subdomain',
    handle((req) => control.updateAccount(sub(req.params), req.body as never)),
  );
  app.post(
    '/_sim/accounts/:subdomain/oauth-clients',
    handle((req, reply) => reply.code(201).send(control.createOAuthClient(sub(req.params), req.body as never))),
  );
  app.post(
    '/_sim/accounts/:subdomain/users',
    handle((req, reply) => reply.code(201).send(control.addUser(sub(req.params), req.body as never))),
  );
  app.post(
    '/_sim/accounts/:subdomain/users/:userId/role',
    handle((req) => control.setUserRole(sub(req.params), uid(req.params), req.body as never)),
  );
  app.post(
    '/_sim/accounts/:subdomain/users/:userId/suspension',
    handle((req) =>
      control.setUserSuspended(sub(req.params), uid(req.params), SuspendSchema.parse(req.body).suspended),
    ),
  );
  app.post(
    '/_sim/accounts/:subdomain/seed',
    handle((req) => control.seed(sub(req.params), req.body as never)),
  );
  app.post(
    '/_sim/accounts/:subdomain/audit-logs',
    handle((req, reply) => reply.code(201).send({ ids: control.addAuditEntries(sub(req.params), req.body as never) })),
  );
  app.post(
    '/_sim/accounts/:subdomain/audit-logs/burst',
    handle((req, reply) => reply.code(201).send({ ids: control.addAuditBurst(sub(req.params), req.body as never) })),
  );
  app.post(
    '/_sim/accounts/:subdomain/tokens',
    handle((req, reply) => reply.code(201).send(control.issueToken(sub(req.params), req.body as never))),
  );
  app.post(
    '/_sim/accounts/:subdomain/tokens/revoke',
    handle((req) => ({ revoked: control.revokeTokens(sub(req.params), req.body as never) })),
  );
  app.post(
    '/_sim/accounts/:subdomain/faults',
    handle((req, reply) => {
      control.failNext(sub(req.params), req.body as never);
      return reply.code(204).send();
    }),
  );
  app.put(
    '/_sim/accounts/:subdomain/latency',
    handle((req, reply) => {
      control.setLatency(sub(req.params), LatencySchema.parse(req.body).ms);
      return reply.code(204).send();
    }),
  );
  app.post(
    '/_sim/clock',
    handle((req) => {
      const body = ClockSchema.parse(req.body ?? {});
      if (body.advanceMs !== undefined) control.advanceClock(body.advanceMs);
      if (body.skewMs !== undefined) control.setClockSkew(body.skewMs);
      return { now: new Date(control.now()).toISOString() };
    }),
  );
  app.get(
    '/_sim/requests',
    handle((req) => {
      const account = (req.query as { account?: string }).account;
      return control.requests(account ? { account } : undefined);
    }),
  );
  app.delete(
    '/_sim/requests',
    handle((req, reply) => {
      const account = (req.query as { account?: string }).account;
      control.clearRequests(account ? { account } : undefined);
      return reply.code(204).send();
    }),
  );
}
