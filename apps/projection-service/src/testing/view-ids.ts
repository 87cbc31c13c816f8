import type { LagReads } from '@zc/kafka';
import { z } from 'zod';

const ActivityPage = z.object({
  items: z.array(z.object({ activityId: z.string() })),
  nextCursor: z.string().nullable(),
});

/**
 * Every activity id the running service serves for these connectors, paged through GET /v1/activities the
 * way a client reads it: independent of how the view stores activities.
 */
export async function activityIdsViaApi(
  baseUrl: string,
  apiKey: string,
  connectorIds: readonly string[],
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const connector of connectorIds) {
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ connector, limit: '500', ...(cursor === null ? {} : { cursor }) });
      const response = await fetch(`${baseUrl}/v1/activities?${query.toString()}`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      if (!response.ok) throw new Error(`GET /v1/activities answered ${String(response.status)}`);
      const page = ActivityPage.parse(await response.json());
      for (const item of page.items) ids.add(item.activityId);
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
  return ids;
}

/** Messages the group has still to read on these topics: 0 once it caught up on every partition. */
export async function groupLag(cluster: LagReads, groupId: string, topics: string[]): Promise<number> {
  const rows = await cluster.consumerLag([groupId], { topics });
  return rows.reduce((sum, row) => sum + row.lagMessages, 0);
}

/** Symmetric difference of two id sets, capped for an assertion message. */
export function idSetDifference(expected: ReadonlySet<string>, actual: ReadonlySet<string>, cap = 10) {
  const missing = [...expected].filter((id) => !actual.has(id));
  const unexpected = [...actual].filter((id) => !expected.has(id));
  return {
    missing: missing.length,
    unexpected: unexpected.length,
    examples: [...missing, ...unexpected].slice(0, cap),
  };
}
