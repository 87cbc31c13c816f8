import type { AuditLog } from '@zc/zendesk';
import { createdAtSeconds, toActivity } from '../../../domain/activity';
import { absorbPage, type AuditCursor, type CursorSettings, type WalkBounds } from '../../../domain/audit-cursor';
import { isoOfMs } from '../../../domain/backfill-progress';
import type { CollectionState } from '../../../domain/collection-state';
import type { ZendeskStreamContext } from './stream-context';

export interface WalkTarget {
  readonly stream: string;
  readonly settings: CursorSettings;
  readonly cursorOf: (state: CollectionState) => AuditCursor;
  /** `pages`: how many pages this step absorbed (one transaction may cover several). */
  readonly withCursor: (
    state: CollectionState,
    cursor: AuditCursor,
    published: number,
    pages: number,
  ) => CollectionState;
  /** Called inside the transaction after each step (progress events): pages so far, and in this step. */
  readonly afterPage?: (state: CollectionState, pages: number, batch: number) => Promise<CollectionState>;
}

export interface WalkResult {
  readonly seen: number;
  readonly firstId: number | null;
  readonly lastId: number | null;
}

/**
 * Reads one window ascending by created_at and publishes what is new, one checkpoint per step (a
 * page, or the pages that arrived while the previous step was being checkpointed).
 * A failure anywhere leaves the checkpoint at the last page published; the next walk starts there
 * again (inclusive start, id dedupe), so resuming needs no Zendesk cursor to survive.
 */
export async function walkAuditWindow(
  worker: ZendeskStreamContext,
  bounds: WalkBounds,
  target: WalkTarget,
): Promise<WalkResult> {
  const client = worker.client(target.stream);
  const context = worker.context();
  const accountName = await worker.accountName();
  let seen = 0;
  let firstId: number | null = null;
  let lastId: number | null = null;
  let pages = 0;
  const reader = readAhead(
    client.auditLogPages({
      createdFrom: new Date(bounds.from * 1000),
      createdTo: new Date(bounds.to * 1000),
      sort: 'created_at',
      pageSize: 100,
    }),
    READ_AHEAD_PAGES,
  );
  for (let batch = await reader.nextBatch(); batch !== null; batch = await reader.nextBatch()) {
    if (worker.signal.aborted) break;
    const records = batch.flatMap((page) =>
      page.items.filter((record: AuditLog) => Number.isFinite(createdAtSeconds(record))),
    );
    seen += records.length;
    firstId ??= records[0]?.id ?? null;
    lastId = records.at(-1)?.id ?? lastId;
    pages += batch.length;
    const pagesSoFar = pages;
    await worker.txn(async (state) => {
      const { fresh, cursor } = absorbPage(target.cursorOf(state), records, createdAtSeconds, target.settings);
      const nowMs = worker.now();
      const collectedAt = isoOfMs(nowMs);
      const first = state.sequences.activities;
      if (fresh.length > 0) {
        await worker.sink.activities(
          context,
          fresh.map((record, index) => {
            const data = toActivity(record, worker.account, collectedAt, accountName);
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
      const next = target.withCursor(advanced, cursor, fresh.length, batch.length);
      return target.afterPage ? target.afterPage(next, pagesSoFar, batch.length) : next;
    });
  }
  return { seen, firstId, lastId };
}

/** Pages fetched ahead of the one being published: enough to absorb a slow checkpoint. */
const READ_AHEAD_PAGES = 4;

export interface ReadAhead<T> {
  /** Every item that has arrived (waiting for at least one), or null at the end. */
  nextBatch(): Promise<T[] | null>;
}

/**
 * Keeps fetching up to `depth` pages ahead while the caller publishes and checkpoints, and hands
 * over everything that has arrived at once: the walk runs at the budget's pace, and when a
 * checkpoint is slower than a request, the next one covers several pages instead of falling behind.
 * Nothing moves the checkpoint but the caller's transaction, so a crash loses only pages fetched
 * ahead, read again on resume. A failure surfaces after the pages that arrived before it.
 */
export function readAhead<T>(source: AsyncIterable<T>, depth: number): ReadAhead<T> {
  const iterator = source[Symbol.asyncIterator]();
  const buffer: T[] = [];
  let ended = false;
  let failure: { error: unknown } | null = null;
  let fetching = false;
  let notify: (() => void) | null = null;
  const pump = (): void => {
    if (fetching || ended || failure !== null || buffer.length >= depth) return;
    fetching = true;
    iterator.next().then(
      (result) => {
        fetching = false;
        if (result.done === true) ended = true;
        else buffer.push(result.value);
        notify?.();
        pump();
      },
      (error: unknown) => {
        fetching = false;
        failure = { error };
        notify?.();
      },
    );
  };
  pump();
  return {
    async nextBatch() {
      while (buffer.length === 0 && !ended && failure === null) {
        await new Promise<void>((resolve) => (notify = resolve));
      }
      notify = null;
      if (buffer.length > 0) {
        const batch = buffer.splice(0);
        pump();
        return batch;
      }
      if (failure !== null) throw failure.error;
      return null;
    },
  };
}
