import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { NotFoundError, ValidationError } from '@zc/errors';
import { createAdmission, requireScopes, type HttpApp } from '@zc/http';
import { z } from 'zod';
import { ActivityFilterQuery, type ActivityFilters } from '../domain/activity-filter';
import type { ActivityDoc, PageItem } from '../domain/activity-view';
import type { ActivityMatch, ActivityPage, ActivityQuery, Page } from '../domain/activity-query';
import type { UserDoc } from '../domain/user-view';
import { decodeCursor, decodeDateCursor, encodeCursor } from './cursor';
import {
  ActivityDetailResponse,
  ActivityListResponse,
  LimitQuery,
  UserListResponse,
  type ActivityResponse,
} from './schemas';

const ActivitiesQuery = ActivityFilterQuery.extend({
  limit: LimitQuery,
  cursor: z.string().min(1).optional(),
})
  // An unknown parameter (a misspelt filter) must fail loudly, not silently return everything.
  .strict();

const ExportQuery = ActivityFilterQuery.strict();

const UsersQuery = z
  .object({
    connector: z.string().min(1).optional(),
    limit: LimitQuery,
    cursor: z.string().min(1).optional(),
  })
  .strict();

const present = ({ _id, ...item }: PageItem, connectorIds: readonly string[]): ActivityResponse => ({
  activityId: _id,
  connectorIds: [...connectorIds].sort(),
  ...item,
  occurredAt: item.occurredAt.toISOString(),
  collectedAt: item.collectedAt.toISOString(),
});

const definedFilters = (filters: ActivityFilters): ActivityFilters => {
  if (filters.from && filters.to && filters.from >= filters.to) {
    throw new ValidationError('The time range is empty.', {
      fields: [{ field: 'querystring.from', message: 'must be before `to`' }],
    });
  }
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
};

export interface ActivityRouteLimits {
  /** Server-side time limit of one list query, queueing included. */
  queryTimeLimitMs: number;
  /** Time limit of one export. */
  exportTimeLimitMs: number;
  /** Activity queries served at once, and allowed to wait; past both, 503 with Retry-After. */
  maxConcurrent: number;
  maxQueued: number;
  /** Exports streamed at once (each holds a slot until its stream ends). */
  maxExports: number;
}

/** What the activity and user routes read (the views, through their aliases). */
export interface ActivityQueries {
  /** A page of matches, newest first. */
  activities(query: ActivityQuery, limit: number): Promise<ActivityPage>;
  /** Every match, newest first, read as the consumer pulls. */
  activityStream(query: ActivityQuery): Promise<AsyncGenerator<ActivityMatch>>;
  activity(activityId: string): Promise<ActivityDoc | null>;
  users(connector: string | undefined, limit: number, after?: string): Promise<Page<UserDoc>>;
}

export interface ActivityRouteDeps {
  queries: ActivityQueries;
  limits: ActivityRouteLimits;
  /** Monotonic milliseconds, for deadlines. */
  clock: () => number;
}

export function registerActivityRoutes(app: HttpApp, deps: ActivityRouteDeps): void {
  const { queries, limits, clock } = deps;
  const scope = requireScopes('activities:read');
  const listing = createAdmission({
    name: 'activity queries',
    maxConcurrent: limits.maxConcurrent,
    maxQueued: limits.maxQueued,
    retryAfterSeconds: 1,
  });
  const exporting = createAdmission({
    name: 'exports',
    maxConcurrent: limits.maxExports,
    maxQueued: 0,
    retryAfterSeconds: 5,
  });
  const deadline = (limitMs: number) => ({ at: clock() + limitMs, now: clock });

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
      const query = {
        filters: definedFilters(filters),
        deadline: deadline(limits.queryTimeLimitMs),
        limitMs: limits.queryTimeLimitMs,
        ...(cursor === undefined ? {} : { after: decodeDateCursor(cursor) }),
      };
      const page = await listing.run(() => queries.activities(query, limit));
      return {
        items: page.items.map((found) => present(found.item, found.connectorIds)),
        nextCursor: page.next === null ? null : encodeCursor(page.next.value, page.next.id),
      };
    },
  );

  app.get(
    '/v1/activities/export',
    {
      preHandler: scope,
      schema: {
        tags: ['activities'],
        summary: 'Every matching activity as NDJSON (one JSON object per line), newest first, streamed',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const query = {
        filters: definedFilters(request.query),
        deadline: deadline(limits.exportTimeLimitMs),
        limitMs: limits.exportTimeLimitMs,
      };
      return exporting.run(async () => {
        // The stream starts before the response does, so a query error is still a problem-details answer.
        const stream = await queries.activityStream(query);
        const first = await stream.next();
        const lines = async function* () {
          if (first.done) return;
          yield `${JSON.stringify(present(first.value.item, first.value.connectorIds))}\n`;
          for await (const found of stream) yield `${JSON.stringify(present(found.item, found.connectorIds))}\n`;
        };
        const body = Readable.from(lines(), { objectMode: false });
        body.on('error', (error) => request.log.warn({ err: error }, 'activity export ended early'));
        const filename = `activities-${request.query.connector ?? 'all'}.ndjson`.replace(/[^a-zA-Z0-9._-]/g, '_');
        await reply
          .type('application/x-ndjson; charset=utf-8')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(body);
        // The slot is held until the body has been written or the client went away.
        await finished(reply.raw).catch(() => undefined);
        return reply;
      });
    },
  );

  app.get(
    '/v1/activities/:id',
    {
      preHandler: scope,
      schema: {
        tags: ['activities'],
        summary: 'One activity by id (zd:<account>:<audit log id>), with the raw Zendesk record',
        params: z.object({ id: z.string().min(1).max(200) }),
        response: { 200: ActivityDetailResponse },
      },
    },
    async (request) => {
      const doc = await queries.activity(request.params.id);
      if (doc === null) throw new NotFoundError(`No activity ${request.params.id}.`);
      const { connectorIds, rawJson, ...item } = doc;
      return { ...present(item, connectorIds), raw: JSON.parse(rawJson) as Record<string, unknown> };
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
