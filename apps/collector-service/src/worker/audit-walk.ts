import type { AuditLog } from '@zc/zendesk';
import { createdAtSeconds, toActivity } from '../domain/activity';
import { absorbPage, type AuditCursor, type CursorSettings, type WalkBounds } from '../domain/audit-cursor';
import { isoOfMs } from '../domain/backfill-progress';
import type { CollectionState } from '../domain/collection-state';
import type { ConnectorWorker } from './connector-worker';

export interface WalkTarget {
  readonly stream: string;
  readonly settings: CursorSettings;
  readonly cursorOf: (state: CollectionState) => AuditCursor;
  readonly withCursor: (state: CollectionState, cursor: AuditCursor, published: number) => CollectionState;
  /** Called inside the page's transaction after each page (progress events). */
  readonly afterPage?: (state: CollectionState, pages: number) => Promise<CollectionState>;
}

export interface WalkResult {
  readonly seen: number;
  readonly firstId: number | null;
  readonly lastId: number | null;
}

/**
 * Reads one window ascending by created_at and publishes what is new, one checkpoint per page.
 * A failure anywhere leaves the checkpoint at the last page published; the next walk starts there
 * again (inclusive start, id dedupe), so resuming needs no Zendesk cursor to survive.
 */
export async function walkAuditWindow(
  worker: ConnectorWorker,
  bounds: WalkBounds,
  target: WalkTarget,
): Promise<WalkResult> {
  const client = worker.client(target.stream);
  const context = worker.context();
  let seen = 0;
  let firstId: number | null = null;
  let lastId: number | null = null;
  let pages = 0;
  const pagesOf = prefetched(
    client.auditLogPages({
      createdFrom: new Date(bounds.from * 1000),
      createdTo: new Date(bounds.to * 1000),
      sort: 'created_at',
      pageSize: 100,
    }),
  );
  for await (const page of pagesOf) {
    if (worker.signal.aborted) break;
    const records = page.items.filter((record: AuditLog) => Number.isFinite(createdAtSeconds(record)));
    seen += records.length;
    firstId ??= records[0]?.id ?? null;
    lastId = records.at(-1)?.id ?? lastId;
    pages += 1;
    await worker.txn(async (state) => {
      const { fresh, cursor } = absorbPage(target.cursorOf(state), records, createdAtSeconds, target.settings);
      const nowMs = worker.now();
      const collectedAt = isoOfMs(nowMs);
      const first = state.sequences.activities;
      if (fresh.length > 0) {
        await worker.sink.activities(
          context,
          fresh.map((record, index) => {
            const data = toActivity(record, worker.account, collectedAt);
            return { sequence: first + index, occurredAt: data.occurredAt, data };
          }),
        );
        for (const record of fresh) worker.metrics.freshness(nowMs / 1000 - createdAtSeconds(record));
        const newest = Math.max(...fresh.map(createdAtSeconds));
        worker.metrics.lastActivity(worker.connectorId, newest, worker.settings.inactivityThresholdMs / 1000);
      }
      const advanced: CollectionState = {
        ...state,
        sequences: { ...state.sequences, activities: first + fresh.length },
      };
      const next = target.withCursor(advanced, cursor, fresh.length);
      return target.afterPage ? target.afterPage(next, pages) : next;
    });
  }
  return { seen, firstId, lastId };
}

/**
 * Asks for the next page as soon as one arrives, so the request (and its wait for budget) overlaps
 * publishing and checkpointing this one: the walk runs at the budget's pace, not at the sum of
 * both. Nothing moves the checkpoint but the page's own transaction, so a crash loses only the
 * page fetched ahead, read again on resume. Its failure surfaces when the walk reaches it.
 */
export async function* prefetched<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  for (;;) {
    const result = await next;
    if (result.done === true) return;
    next = iterator.next();
    // Handled where it is awaited; a walk that stops early never awaits it.
    next.catch(() => undefined);
    yield result.value;
  }
}
