import { UnauthorizedError } from '@zc/errors';
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../application/deps';

/** The admin key behind a request, as events name it (never the key itself). */
export function contextOf(request: FastifyRequest): RequestContext {
  if (request.principal === null) throw new UnauthorizedError();
  return {
    actor: { kind: 'admin_key', id: request.principal.keyId },
    correlationId: request.id,
    causationId: request.id,
  };
}
