import { requireScopes, type HttpApp } from '@zc/http';
import { NotFoundError } from '@zc/errors';
import { z } from 'zod';
import { statusDocumentAt } from '../domain/status-document';
import type { Page } from '../domain/activity-query';
import type { HistoryDocument, StatusDocument } from '../domain/status-document';
import { presentConnector } from './connector-presenter';
import { decodeCursor, encodeCursor } from './cursor';
import {
  ConnectorIdParams,
  ConnectorListResponse,
  ConnectorStatusResponse,
  HistoryResponse,
  LimitQuery,
} from './schemas';

/** What the connector routes read from the status view. */
export interface ConnectorQueries {
  connectors(limit: number, after: string | undefined): Promise<Page<StatusDocument>>;
  /** Null while no connector event is known (a document holding only an activity summary). */
  connector(connectorId: string): Promise<StatusDocument | null>;
  history(connectorId: string, limit: number, after?: { value: unknown; id: string }): Promise<Page<HistoryDocument>>;
}

export interface ConnectorRouteDeps {
  queries: ConnectorQueries;
  now: () => Date;
}

const PageQuery = z.object({ limit: LimitQuery, cursor: z.string().min(1).optional() });

export function registerConnectorRoutes(app: HttpApp, deps: ConnectorRouteDeps): void {
  const scope = requireScopes('connectors:read');
  // Staleness is a function of time: each read evaluates it, so a silent collector shows before any sweep.
  const present = (doc: Parameters<typeof presentConnector>[0]) => {
    const now = deps.now();
    return presentConnector(statusDocumentAt(doc, now), now);
  };

  app.get(
    '/v1/connectors',
    {
      preHandler: scope,
      schema: {
        tags: ['connectors'],
        summary: 'Every connector with its status',
        querystring: PageQuery,
        response: { 200: ConnectorListResponse },
      },
    },
    async (request) => {
      const after = request.query.cursor === undefined ? undefined : decodeCursor(request.query.cursor).id;
      const page = await deps.queries.connectors(request.query.limit, after);
      return {
        // Documents holding only an activity summary are connectors we have no connector event for yet.
        items: page.items.filter((doc) => doc.connector !== undefined).map(present),
        nextCursor: page.next === null ? null : encodeCursor(page.next.value, page.next.id),
      };
    },
  );

  app.get(
    '/v1/connectors/:id/status',
    {
      preHandler: scope,
      schema: {
        tags: ['connectors'],
        summary: 'A connector’s status, health, backfill and token',
        params: ConnectorIdParams,
        response: { 200: ConnectorStatusResponse },
      },
    },
    async (request) => {
      const doc = await deps.queries.connector(request.params.id);
      if (doc === null) throw new NotFoundError(`No connector ${request.params.id} is known to the projection.`);
      return present(doc);
    },
  );

  app.get(
    '/v1/connectors/:id/history',
    {
      preHandler: scope,
      schema: {
        tags: ['connectors'],
        summary: 'Status transitions, newest first, with their cause',
        params: ConnectorIdParams,
        querystring: PageQuery,
        response: { 200: HistoryResponse },
      },
    },
    async (request) => {
      const after = request.query.cursor === undefined ? undefined : decodeCursor(request.query.cursor);
      const page = await deps.queries.history(request.params.id, request.query.limit, after);
      return {
        items: page.items.map(({ from, to, reason, message, at, cause }) => ({ from, to, reason, message, at, cause })),
        nextCursor: page.next === null ? null : encodeCursor(page.next.value, page.next.id),
      };
    },
  );
}
