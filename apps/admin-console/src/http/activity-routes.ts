import { isAppError } from '@zc/errors';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AdminConnector } from '../api/types';
import { ActivityFilterForm, formToSearch, toApiQuery } from '../domain/activity-filters';
import { activitiesPage, activityPage } from '../pages/activities';
import { fieldMessages } from '../pages/forms';
import { csvStream, exportedLines, ndjsonStream, primed } from './activity-export';
import { sendPage, type ToolsOf } from './context';

const PAGE_SIZE = 50;
const RawForm = z.record(
  z.string(),
  z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? (v[0] ?? '') : v)),
);

/** The zod issues of the filter form as field → message. */
const issuesOf = (error: z.ZodError): Record<string, string> =>
  Object.fromEntries(error.issues.map((issue) => [String(issue.path[0] ?? 'form'), issue.message]));

export function activityRoutes(app: FastifyInstance, tools: ToolsOf, now: () => Date) {
  app.get('/activities', async (request, reply) => {
    const { api, user, page } = tools(request, reply);
    const raw = RawForm.parse(request.query ?? {});
    const parsed = ActivityFilterForm.safeParse(raw);
    // The connector list (for the filter's select) and the activities are asked for at once.
    const connectorList: Promise<AdminConnector[]> = user.abilities.readConnectors
      ? api.adminConnectors().then((answer) => answer.items)
      : Promise.resolve([]);
    const base = async () => ({ form: raw, connectors: await connectorList, items: [], nextCursor: null });
    if (!parsed.success) {
      const view = {
        ...(await base()),
        parsed: null,
        errors: issuesOf(parsed.error),
        summary: 'Some filters are not valid.',
      };
      return sendPage(reply, activitiesPage(page('activities'), view), 400);
    }
    const activities = api.activities(toApiQuery(parsed.data, now()), {
      limit: PAGE_SIZE,
      ...(parsed.data.cursor === undefined ? {} : { cursor: parsed.data.cursor }),
    });
    // Whichever fails first is the page's error; the other's failure must not go unhandled meanwhile.
    connectorList.catch(() => undefined);
    try {
      const [, result] = await Promise.all([connectorList, activities]);
      const view = {
        ...(await base()),
        parsed: parsed.data,
        errors: {},
        summary: null,
        items: result.items,
        nextCursor: result.nextCursor,
      };
      return sendPage(reply, activitiesPage(page('activities'), view));
    } catch (error) {
      if (!isAppError(error) || error.status !== 400) throw error;
      const errors = fieldMessages(error.fields);
      const view = {
        ...(await base()),
        parsed: parsed.data,
        errors,
        summary: `The projection refused these filters: ${error.detail}`,
      };
      return sendPage(reply, activitiesPage(page('activities'), view), 400);
    }
  });

  const exportRoute = (extension: 'ndjson' | 'csv') =>
    app.get(`/activities/export.${extension}`, async (request, reply) => {
      const { api } = tools(request, reply);
      const form = ActivityFilterForm.parse(RawForm.parse(request.query ?? {}));
      const controller = new AbortController();
      request.raw.on('close', () => controller.abort());
      const source = await primed(exportedLines(api, toApiQuery(form, now()), controller.signal));
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      void reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="activities-${stamp}.${extension}"`)
        .type(extension === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
      return reply.send(extension === 'csv' ? csvStream(source) : ndjsonStream(source));
    });
  exportRoute('ndjson');
  exportRoute('csv');

  app.get('/activities/:id', async (request, reply) => {
    const { api, page } = tools(request, reply);
    const { id } = z.object({ id: z.string().min(1).max(200) }).parse(request.params);
    const parsed = ActivityFilterForm.safeParse(RawForm.parse(request.query ?? {}));
    const back = parsed.success ? formToSearch(parsed.data) : '';
    return sendPage(reply, activityPage(page('activities'), await api.activity(id), back));
  });
}
