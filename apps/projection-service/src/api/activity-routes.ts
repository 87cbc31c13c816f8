import { NotFoundError, ValidationError } from '@zc/errors';
import { requireScopes, type HttpApp } from '@zc/http';
import { z } from 'zod';
import type { ActivityDoc } from '../domain/activity-view';
import type { ViewQueries } from '../adapters/view-queries';
import { decodeCursor, decodeDateCursor, encodeCursor } from './cursor';
import { ActivityListResponse, ActivityResponse, LimitQuery, UserListResponse } from './schemas';

const Instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const ActivitiesQuery = z
  .object({
    connector: z.string().min(1).optional(),
    actorId: z.coerce.number().int().optional(),
    actorType: z.enum(['user', 'system']).optional(),
    action: z.string().min(1).optional(),
    sourceType: z.string().min(1).optional(),
    ip: z.string().min(1).optional(),
    from: Instant.optional().describe('inclusive, ISO-8601'),
    to: Instant.optional().describe('exclusive, ISO-8601'),
    limit: LimitQuery,
    cursor: z.string().min(1).optional(),
  })
  // An unknown parameter (a misspelt filter) must fail loudly, not silently return everything.
  .strict();

const UsersQuery = z
  .object({
    connector: z.string().min(1).optional(),
    limit: LimitQuery,
    cursor: z.string().min(1).optional(),
  })
  .strict();

const present = (doc: ActivityDoc) => ({
  activityId: doc._id,
  connectorIds: [...doc.connectorIds].sort(),
  account: doc.account,
  auditLogId: doc.auditLogId,
  occurredAt: doc.occurredAt.toISOString(),
  collectedAt: doc.collectedAt.toISOString(),
  actor: doc.actor,
  action: doc.action,
  actionLabel: doc.actionLabel,
  source: doc.source,
  description: doc.description,
  ipAddress: doc.ipAddress,
});

export function registerActivityRoutes(app: HttpApp, queries: ViewQueries): void {
  const scope = requireScopes('activities:read');

  app.get(
    '/v1/activities',
    {
      preHandler: scope,
      schema: {
        tags: ['activities'],
        summary: 'Activities, newest first; keyset paging stays stable while new ones arrive',
        querystring: ActivitiesQuery,
        response: { 200: ActivityListResponse },
      },
    },
    async (request) => {
      const { limit, cursor, ...filters } = request.query;
      if (filters.from && filters.to && filters.from >= filters.to) {
        throw new ValidationError('The time range is empty.', {
          fields: [{ field: 'querystring.from', message: 'must be before `to`' }],
        });
      }
      const defined = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
      const after = cursor === undefined ? undefined : decodeDateCursor(cursor);
      const page = await queries.activities(defined, limit, after);
      return {
        items: page.items.map(present),
        nextCursor: page.next === null ? null : encodeCursor(page.next.value, page.next.id),
      };
    },
  );

  app.get(
    '/v1/activities/:id',
    {
      preHandler: scope,
      schema: {
        tags: ['activities'],
        summary: 'One activity by id (zd:<account>:<audit log id>)',
        params: z.object({ id: z.string().min(1).max(200) }),
        response: { 200: ActivityResponse },
      },
    },
    async (request) => {
      const doc = await queries.activity(request.params.id);
      if (doc === null) throw new NotFoundError(`No activity ${request.params.id}.`);
      return present(doc);
    },
  );

  app.get(
    '/v1/users',
    {
      preHandler: scope,
      schema: {
        tags: ['users'],
        summary: 'Zendesk users, latest snapshot each',
        querystring: UsersQuery,
        response: { 200: UserListResponse },
      },
    },
    async (request) => {
      const after = request.query.cursor === undefined ? undefined : decodeCursor(request.query.cursor).id;
      const page = await queries.users(request.query.connector, request.query.limit, after);
      return {
        items: page.items.map(({ _id: _ignored, rank: _rank, ...user }) => user),
        nextCursor: page.next === null ? null : encodeCursor(page.next.value, page.next.id),
      };
    },
  );
}
