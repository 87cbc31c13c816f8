import { initialCursor, walkBounds } from '../../../domain/audit-cursor';
import { isoOfSeconds } from '../../../domain/backfill-progress';
import { liveFloor } from '../../../domain/collection-state';
import type { RecollectionRequest } from '../../../domain/connector-view';
import { completeBackfillIfDone } from './backfill-completion';
import type { ZendeskStreamContext } from './stream-context';
import { walkAuditWindow, type WalkResult } from './audit-walk';
import { guardedStep } from '../../runtime/stream-guard';

export const coverage = (from: number, to: number, result: WalkResult) => ({
  resource: 'audit_logs' as const,
  window: { from: isoOfSeconds(from), to: isoOfSeconds(to + 1) },
  count: result.seen,
  firstId: result.firstId,
  lastId: result.lastId,
});

/**
 * The live tail: from the connection on, one ascending walk per POLL_INTERVAL up to now − END_LAG,
 * from the first poll, whatever the backfill (runAuditBackfill) is doing beside it.
 */
export async function runAuditStream(worker: ZendeskStreamContext): Promise<void> {
  const attempts = { n: 0 };
  while (!worker.signal.aborted) {
    const outcome = await guardedStep(worker, 'audit_logs', attempts, () => livePass(worker));
    if (outcome === 'stop') return;
    // A checkpoint from before the split walks its backfill here, without pausing.
    const legacyBackfill = worker.state.backfill.audit === undefined && !worker.state.backfill.auditDone;
    const idle = legacyBackfill ? 0 : worker.settings.pollIntervalMs;
    await worker.waker.wait(outcome.wait > 0 ? outcome.wait : idle);
  }
}

async function livePass(worker: ZendeskStreamContext): Promise<void> {
  const { settings } = worker;
  const endSecond = Math.floor((worker.now() - settings.endLagMs) / 1000);
  const cursorSettings = {
    rescanSeconds: Math.floor(settings.rescanWindowMs / 1000),
    floor: liveFloor(worker.state),
  };
  const bounds = walkBounds(worker.state.audit, endSecond, cursorSettings);
  if (bounds === null) return;
  const result = await walkAuditWindow(worker, bounds, {
    stream: 'audit_logs',
    settings: cursorSettings,
    cursorOf: (state) => state.audit,
    withCursor: (state, cursor, published) => ({
      ...state,
      audit: { ...cursor, fetched: state.audit.fetched + published },
    }),
  });
  if (worker.signal.aborted) return;
  await worker.txn(async (state) => {
    let next = await worker.emit(state, 'CoverageRecorded', coverage(bounds.from, bounds.to, result));
    if (!next.backfill.auditDone && next.backfill.audit === undefined && bounds.to >= next.backfill.to) {
      next = { ...next, backfill: { ...next.backfill, auditDone: true } };
      next = await worker.emit(next, 'BackfillProgressed', {
        resource: 'audit_logs',
        itemsFetched: next.audit.fetched,
        coveredUntil: isoOfSeconds(next.backfill.to + 1),
        ratio: 1,
      });
      next = await completeBackfillIfDone(worker, next);
    }
    return next;
  });
}

/** Requested windows, one at a time, each with its own cursor: the live checkpoint is never touched. */
export async function runRecollections(worker: ZendeskStreamContext): Promise<void> {
  const attempts = { n: 0 };
  while (!worker.signal.aborted) {
    const done = new Set(worker.state.recollectionsDone);
    const pending = worker.recollections().find((request) => !done.has(request.requestId));
    if (pending === undefined) {
      await worker.waker.wait(worker.settings.pollIntervalMs);
      continue;
    }
    const outcome = await guardedStep(worker, 'audit_logs', attempts, () => recollect(worker, pending));
    if (outcome === 'stop') return;
    if (outcome.wait > 0) await worker.waker.wait(outcome.wait);
  }
}

async function recollect(worker: ZendeskStreamContext, request: RecollectionRequest): Promise<void> {
  if (worker.state.recollection?.requestId !== request.requestId) {
    const from = Math.floor(Date.parse(request.from) / 1000);
    // `to` is exclusive in the request; Zendesk's filter bound is inclusive, in seconds.
    const to = Math.ceil(Date.parse(request.to) / 1000) - 1;
    await worker.txn(async (state) => ({
      ...(await worker.emit(state, 'CollectionStarted', {
        trigger: 'recollection',
        backfillWindow: { from: request.from, to: request.to },
      })),
      recollection: { requestId: request.requestId, from, to, cursor: initialCursor(from), fetched: 0 },
    }));
  }
  const progress = worker.state.recollection;
  if (progress === null) return;
  // A bounded window in the past: no re-scan, only the ids at the last second are remembered.
  const cursorSettings = { rescanSeconds: 0, floor: progress.from };
  const bounds = walkBounds(progress.cursor, progress.to, cursorSettings);
  const result =
    bounds === null
      ? { seen: 0, firstId: null, lastId: null }
      : await walkAuditWindow(worker, bounds, {
          stream: 'recollection',
          settings: cursorSettings,
          cursorOf: (state) => state.recollection?.cursor ?? progress.cursor,
          withCursor: (state, cursor, published) =>
            state.recollection === null
              ? state
              : {
                  ...state,
                  recollection: { ...state.recollection, cursor, fetched: state.recollection.fetched + published },
                },
        });
  if (worker.signal.aborted) return;
  await worker.txn(async (state) => {
    const next = await worker.emit(state, 'CoverageRecorded', coverage(progress.from, progress.to, result));
    return {
      ...next,
      recollection: null,
      recollectionsDone: [...next.recollectionsDone, request.requestId].slice(-100),
    };
  });
}
