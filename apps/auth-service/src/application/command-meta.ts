import type { CommandMeta } from '../domain/connector-commands';
import type { AuthDeps, RequestContext } from './deps';

export const commandMeta = (deps: Pick<AuthDeps, 'now' | 'newId'>, context: RequestContext): CommandMeta => ({
  eventId: deps.newId(),
  now: deps.now().toISOString(),
  actor: context.actor,
  correlationId: context.correlationId,
  causationId: context.causationId,
});
