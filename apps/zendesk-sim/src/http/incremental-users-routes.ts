import type { FastifyInstance, FastifyReply } from 'fastify';
import { type Key, decodeCursor, encodeCursor } from '../domain/cursor';
import { type Caller, guard } from './guards';
import { type Query, first, intParam, zendeskUrl } from './query';
import { userJson } from './serializers';
import { invalidPagination, sendJson } from './zendesk-errors';
import { withJson } from './json-paths';

const MAX_PER_PAGE = 1000;

/** The message names the account's own minimum age, so a changed setting does not tell clients "1 minute". */
function ageText(seconds: number): string {
  if (seconds % 60 === 0 && seconds > 0) return seconds === 60 ? '1 minute' : `${String(seconds / 60)} minutes`;
  return seconds === 1 ? '1 second' : `${String(seconds)} seconds`;
}

/** The start_time check both exports share; sends Zendesk's 400 and returns null when it fails. */
function startTimeOf(query: Query, reply: FastifyReply, caller: Caller, now: () => number): number | null {
  const start = intParam(query, 'start_time');
  if (start === undefined || Number.isNaN(start)) {
    sendJson(reply, 400, { error: 'InvalidValue', description: 'start_time is required' });
    return null;
  }
  const minAge = caller.account.settings.incrementalMinAgeSeconds;
  if (start > Math.floor(now() / 1000) - minAge) {
    sendJson(reply, 400, {
      error: 'StartTimeTooRecent',
      description: `Too recent start_time. Use a start_time older than ${ageText(minAge)}.`,
    });
    return null;
  }
  return start;
}

/** `per_page`, MAX_PER_PAGE when absent; sends Zendesk's 400 and returns null when out of range. */
function perPageOf(query: Query, reply: FastifyReply): number | null {
  const perPage = intParam(query, 'per_page') ?? MAX_PER_PAGE;
  if (Number.isInteger(perPage) && perPage >= 1 && perPage <= MAX_PER_PAGE) return perPage;
  sendJson(reply, 400, invalidPagination(`per_page must be between 1 and ${MAX_PER_PAGE}`));
  return null;
}

export function incrementalUsersRoutes(app: FastifyInstance, now: () => number): void {
  timeBasedUsersRoute(app, now);
  for (const path of withJson('/api/v2/incremental/users/cursor')) {
    app.get(path, async (request, reply) => {
      const caller = guard(request, reply, { scope: 'users', adminOnly: true });
      if (!caller) return reply;
      const query = request.query as Query;
      const perPage = perPageOf(query, reply);
      if (perPage === null) return reply;
      const cursorParam = first(query, 'cursor');
      let from: Key;
      let inclusive: boolean;
      if (cursorParam !== undefined) {
        const decoded = decodeCursor(cursorParam);
        if (!decoded) return sendJson(reply, 400, invalidPagination('cursor is invalid'));
        [from, inclusive] = [decoded, false];
      } else {
        const start = startTimeOf(query, reply, caller, now);
        if (start === null) return reply;
        [from, inclusive] = [{ t: start, id: Number.MIN_SAFE_INTEGER }, true];
      }
      const page = caller.account.users.changedSince(from, inclusive, perPage);
      const last = page.items.at(-1);
      // With nothing new the cursor stays put, so the next poll resumes from the same place.
      const afterCursor = encodeCursor(last ? { t: last.updatedAt, id: last.id } : from);
      const sub = caller.account.subdomain;
      return sendJson(reply, 200, {
        users: page.items.map((u) => userJson(sub, u)),
        after_cursor: afterCursor,
        before_cursor: null,
        after_url: zendeskUrl(sub, '/api/v2/incremental/users/cursor.json', {
          cursor: afterCursor,
          per_page: String(perPage),
        }),
        before_url: null,
        end_of_stream: !page.hasMore,
      });
    });
  }
}

/**
 * `GET /api/v2/incremental/users.json?start_time=`: pages end on a second, `next_page` starts at that
 * `end_time` again (so boundary users repeat, as in Zendesk), and it stays set at the end of the stream
 * so a client can resume from it on its next poll. It shares the 10/minute incremental bucket.
 */
function timeBasedUsersRoute(app: FastifyInstance, now: () => number): void {
  for (const path of withJson('/api/v2/incremental/users')) {
    app.get(path, async (request, reply) => {
      const caller = guard(request, reply, { scope: 'users', adminOnly: true });
      if (!caller) return reply;
      const query = request.query as Query;
      const perPage = perPageOf(query, reply);
      if (perPage === null) return reply;
      const start = startTimeOf(query, reply, caller, now);
      if (start === null) return reply;
      const page = caller.account.users.updatedFrom(start, perPage);
      const last = page.items.at(-1);
      // A page that is one second only must still move on, or a second fuller than a page would repeat forever.
      const single = last !== undefined && page.hasMore && page.items[0]?.updatedAt === last.updatedAt;
      const endTime = last === undefined ? start : single ? last.updatedAt + 1 : last.updatedAt;
      const sub = caller.account.subdomain;
      return sendJson(reply, 200, {
        users: page.items.map((u) => userJson(sub, u)),
        count: page.items.length,
        next_page: zendeskUrl(sub, '/api/v2/incremental/users.json', {
          start_time: String(endTime),
          ...(query['per_page'] === undefined ? {} : { per_page: String(perPage) }),
        }),
        end_time: endTime,
        end_of_stream: !page.hasMore,
      });
    });
  }
}
