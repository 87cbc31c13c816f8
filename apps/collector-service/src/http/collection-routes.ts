import { ForbiddenError, NotFoundError } from '@zc/errors';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CollectionDoc, ConnectorDoc } from '../application/ports';
import { backfillEstimateView, contiguousUntil } from '../domain/backfill-view';

export interface CollectionRoutesDeps {
  readonly readCollection: (
    connectorId: string,
  ) => Promise<{ connector: ConnectorDoc | null; collection: CollectionDoc | null }>;
  readonly instanceId: string;
}

const CollectionView = z.object({
  connectorId: z.string(),
  status: z.enum(['registered', 'active', 'disconnected']).nullable(),
  rateLimitPerMinute: z.number().nullable(),
  owner: z
    .object({ instanceId: z.string().nullable(), fence: z.number(), expiresAt: z.string().nullable() })
    .nullable(),
  servedBy: z.string(),
  checkpoint: z
    .object({
      generation: z.number(),
      auditLogsAt: z.string(),
      activitiesPublished: z.number(),
      usersPublished: z.number(),
      sequences: z.object({ activities: z.number(), users: z.number(), collection: z.number() }),
      incrementalUsersCursor: z.boolean(),
      recollection: z.object({ requestId: z.string(), from: z.string(), to: z.string() }).nullable(),
    })
    .nullable(),
  backfill: z
    .object({
      from: z.string(),
      to: z.string(),
      usersDone: z.boolean(),
      auditLogsDone: z.boolean(),
      completed: z.boolean(),
      /** How far the backfill's own walk has got, its share of the window, and its ETA at the budget. */
      auditLogsAt: z.string(),
      ratio: z.number(),
      estimatedCompletionAt: z.string().nullable(),
    })
    .nullable(),
  health: z.record(z.string(), z.object({ failing: z.string().nullable(), consecutive: z.number() })).nullable(),
});

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** The internal state of one connector's collection; tokens are never part of it. */
function toView(
  connectorId: string,
  connector: ConnectorDoc | null,
  collection: CollectionDoc | null,
  servedBy: string,
) {
  const state = collection?.state ?? null;
  return {
    connectorId,
    status: connector?.status ?? null,
    rateLimitPerMinute: connector?.rateLimitPerMinute ?? null,
    owner: collection
      ? {
          // A released term has no holder any more.
          instanceId: collection.expiresAt > 0 ? collection.owner : null,
          fence: collection.term,
          expiresAt: collection.expiresAt > 0 ? new Date(collection.expiresAt).toISOString() : null,
        }
      : null,
    servedBy,
    checkpoint: state
      ? {
          generation: state.generation,
          // Covered without a gap from the backfill's start: the live tail's position only once the
          // backfill before it is done.
          auditLogsAt: iso(contiguousUntil(state)),
          activitiesPublished: state.audit.fetched + (state.backfill.audit?.fetched ?? 0),
          usersPublished: state.users.fetched,
          sequences: state.sequences,
          incrementalUsersCursor: state.users.incrementalCursor !== null,
          recollection: state.recollection
            ? {
                requestId: state.recollection.requestId,
                from: iso(state.recollection.from),
                to: iso(state.recollection.to),
              }
            : null,
        }
      : null,
    backfill: state
      ? {
          from: iso(state.backfill.from),
          to: iso(state.backfill.to),
          usersDone: state.backfill.usersDone,
          auditLogsDone: state.backfill.auditDone,
          completed: state.backfill.completed,
          ...backfillEstimateView(state, connector?.rateLimitPerMinute ?? null, Date.now()),
        }
      : null,
    health: state ? { ...state.health } : null,
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** GET /v1/collection/:connectorId: the internal collection state, to loopback callers only. */
export function collectionRoutes(deps: CollectionRoutesDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/v1/collection/:connectorId',
      {
        schema: {
          tags: ['internal'],
          params: z.object({ connectorId: z.string().min(1).max(200) }),
          response: { 200: CollectionView },
        },
        onRequest: (request, _reply, done) => {
          // Internal state for operators on the host; there is no API key check on this service.
          done(
            LOOPBACK.has(request.ip) ? undefined : new ForbiddenError('Collection state is served on loopback only.'),
          );
        },
      },
      async (request) => {
        const { connectorId } = request.params;
        const { connector, collection } = await deps.readCollection(connectorId);
        if (connector === null && collection === null) throw new NotFoundError(`No connector ${connectorId}.`);
        return toView(connectorId, connector, collection, deps.instanceId);
      },
    );
    return Promise.resolve();
  };
}
