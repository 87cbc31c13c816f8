import { handOverSeam, initialCursor, walkBounds } from '../../../domain/audit-cursor';
import { estimateBackfill, isoOfMs, isoOfSeconds } from '../../../domain/backfill-progress';
import type { BackfillCursor, CollectionState } from '../../../domain/collection-state';
import { completeBackfillIfDone } from './backfill-completion';
import type { ZendeskStreamContext } from './stream-context';
import { coverage } from './audit-stream';
import { walkAuditWindow } from './audit-walk';
import { guardedStep } from '../../runtime/stream-guard';

const cursorOf = (state: CollectionState): BackfillCursor =>
  state.backfill.audit ?? { ...initialCursor(state.backfill.from), fetched: 0, pages: 0 };

/**
 * The audit entries of the BACKFILL_DAYS before the connection, walked beside the live tail and on
 * the budget it leaves (a background stream): [from, to] ends the second before the connection,
 * where the live tail starts. Its last END_LAG is read once that much time has passed.
 */
export async function runAuditBackfill(worker: ZendeskStreamContext): Promise<void> {
  const attempts = { n: 0 };
  // Checkpoints from before the split walk the backfill with the live cursor (runAuditStream).
  while (!worker.signal.aborted && !worker.state.backfill.auditDone && worker.state.backfill.audit !== undefined) {
    const outcome = await guardedStep(worker, 'audit_logs', attempts, () => backfillPass(worker));
    if (outcome === 'stop') return;
    const tailReadableAt = (worker.state.backfill.to + 1) * 1000 + worker.settings.endLagMs;
    await worker.waker.wait(outcome.wait > 0 ? outcome.wait : Math.max(0, tailReadableAt - worker.now()));
  }
}

async function backfillPass(worker: ZendeskStreamContext): Promise<void> {
  const { settings } = worker;
  const { backfill } = worker.state;
  const endSecond = Math.min(backfill.to, Math.floor((worker.now() - settings.endLagMs) / 1000));
  const cursorSettings = { rescanSeconds: Math.floor(settings.rescanWindowMs / 1000), floor: backfill.from };
  const bounds = walkBounds(cursorOf(worker.state), endSecond, cursorSettings);
  if (bounds === null) return;
  const result = await walkAuditWindow(worker, bounds, {
    stream: 'audit_backfill',
    settings: cursorSettings,
    cursorOf,
    withCursor: (state, cursor, published, pages) => {
      const before = cursorOf(state);
      const audit = {
        ...cursor,
        fetched: before.fetched + published,
        pages: before.pages + pages,
        ratePerMinute: worker.budget.requestsPerMinute(),
      };
      return { ...state, backfill: { ...state.backfill, audit } };
    },
    afterPage: (state, pages, batch) => progress(worker, state, pages, batch),
  });
  if (worker.signal.aborted) return;
  await worker.txn(async (state) => {
    let next = await worker.emit(state, 'CoverageRecorded', coverage(bounds.from, bounds.to, result));
    if (next.backfill.auditDone || bounds.to < next.backfill.to) return next;
    const walked = cursorOf(next);
    next = {
      ...next,
      backfill: { ...next.backfill, auditDone: true },
      audit: { ...handOverSeam(next.audit, walked, cursorSettings.rescanSeconds), fetched: next.audit.fetched },
    };
    next = await worker.emit(next, 'BackfillProgressed', {
      resource: 'audit_logs',
      itemsFetched: walked.fetched,
      coveredUntil: isoOfSeconds(next.backfill.to + 1),
      ratio: 1,
      estimatedCompletionAt: next.backfill.usersDone ? isoOfMs(worker.now()) : null,
    });
    return completeBackfillIfDone(worker, next);
  });
}

/** The share covered and the ETA at the budget: as a metric after every page, as an event every N. */
export function estimateOf(worker: ZendeskStreamContext, state: CollectionState) {
  const cursor = cursorOf(state);
  return estimateBackfill({
    window: state.backfill,
    coveredUntil: cursor.at,
    auditPages: cursor.pages,
    auditDone: state.backfill.auditDone,
    usersDone: state.backfill.usersDone,
    nowMs: worker.now(),
    requestsPerMinute: worker.budget.requestsPerMinute(),
  });
}

async function progress(worker: ZendeskStreamContext, state: CollectionState, pages: number, batch: number) {
  if (state.backfill.auditDone) return state;
  const estimate = estimateOf(worker, state);
  worker.metrics.backfillProgress(worker.connectorId, 'audit_logs', estimate.ratio);
  // An event each time the page count passes a multiple of the interval.
  const every = worker.settings.progressEveryPages;
  if (Math.floor(pages / every) === Math.floor((pages - batch) / every)) return state;
  const cursor = cursorOf(state);
  return worker.emit(state, 'BackfillProgressed', {
    resource: 'audit_logs',
    itemsFetched: cursor.fetched,
    coveredUntil: isoOfSeconds(Math.min(cursor.at, state.backfill.to + 1)),
    ratio: estimate.ratio,
    estimatedCompletionAt: estimate.estimatedCompletionMs === null ? null : isoOfMs(estimate.estimatedCompletionMs),
  });
}
