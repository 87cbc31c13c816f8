import { backfillActivities, type CollectionState } from '../../../domain/collection-state';
import type { ZendeskStreamContext } from './stream-context';

/** Emits BackfillCompleted once both users and audit logs have caught up; call inside txn. */
export async function completeBackfillIfDone(
  worker: ZendeskStreamContext,
  state: CollectionState,
): Promise<CollectionState> {
  const { backfill } = state;
  if (backfill.completed || !backfill.usersDone || !backfill.auditDone) return state;
  const next = await worker.emit(state, 'BackfillCompleted', {
    backfillWindow: {
      from: new Date(backfill.from * 1000).toISOString(),
      to: new Date((backfill.to + 1) * 1000).toISOString(),
    },
    userCount: state.users.fetched,
    activityCount: backfillActivities(state),
  });
  worker.metrics.backfillProgress(worker.connectorId, 'users', 1);
  worker.metrics.backfillProgress(worker.connectorId, 'audit_logs', 1);
  worker.logger.info({ connectorId: worker.connectorId }, 'backfill completed');
  return { ...next, backfill: { ...next.backfill, completed: true } };
}
