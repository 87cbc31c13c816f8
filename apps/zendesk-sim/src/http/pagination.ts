import type { FastifyReply } from 'fastify';
import { type Query, first, intParam } from './query';
import { invalidPagination, paginationDepth, sendJson } from './zendesk-errors';

export const MAX_PAGE_SIZE = 100;
const MAX_OFFSET_DEPTH = 10_000;

export type PageMode =
  { kind: 'cursor'; size: number; after?: string; before?: string } | { kind: 'offset'; page: number; perPage: number };

export function isCursorMode(query: Query): boolean {
  return ['page[size]', 'page[after]', 'page[before]'].some((key) => query[key] !== undefined);
}

/** Parses either pagination style, or sends Zendesk's 400 and returns null. */
export function pageMode(query: Query, reply: FastifyReply, defaultSize = MAX_PAGE_SIZE): PageMode | null {
  if (isCursorMode(query)) {
    const size = intParam(query, 'page[size]') ?? defaultSize;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
      sendJson(reply, 400, invalidPagination(`page[size] must be between 1 and ${MAX_PAGE_SIZE}`));
      return null;
    }
    const after = first(query, 'page[after]');
    const before = first(query, 'page[before]');
    return { kind: 'cursor', size, ...(after ? { after } : {}), ...(before ? { before } : {}) };
  }
  const page = intParam(query, 'page') ?? 1;
  const perPage = intParam(query, 'per_page') ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PAGE_SIZE) {
    sendJson(reply, 400, invalidPagination('page and per_page must be positive; per_page at most 100'));
    return null;
  }
  // Since 2024 offset pagination deeper than 10,000 records is refused (reference §3.1).
  if (page * perPage > MAX_OFFSET_DEPTH) {
    sendJson(reply, 400, paginationDepth());
    return null;
  }
  return { kind: 'offset', page, perPage };
}

/** Keeps every non-paging parameter so `links.next` repeats the filters, as Zendesk does. */
export function carriedParams(query: Query, drop: readonly string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && !drop.includes(key)) out[key] = value;
  }
  return out;
}
