import { LeaseLostError } from '../../runtime/lease';
import { isoOfMs } from '../../../domain/backfill-progress';
import { classifyFailure } from './classify-failure';
import type { ZendeskStreamContext } from './stream-context';

/**
 * Periodic users/me: the authorizing user must stay an admin (design §1.7). A demotion is reported
 * on audit_logs before the next audit call fails; the audit stream's next success clears it.
 */
export async function runRoleCheck(worker: ZendeskStreamContext): Promise<void> {
  const interval = worker.settings.roleCheckIntervalMs;
  let last = Number.NEGATIVE_INFINITY;
  while (!worker.signal.aborted) {
    // Wakes (a new token, a notification) must not turn into extra users/me calls.
    if (!worker.tokenBlocked() && worker.now() - last >= interval) {
      last = worker.now();
      await checkRole(worker, interval);
    }
    await worker.waker.wait(Math.max(0, last + interval - worker.now()));
  }
}

async function checkRole(worker: ZendeskStreamContext, interval: number): Promise<void> {
  try {
    const me = await worker.client('role').getMe();
    await worker.tokenWorks();
    const admin = me.id !== null && me.role === 'admin' && me.suspended !== true && me.active !== false;
    if (admin) return;
    await worker.observe({
      capability: 'audit_logs',
      ok: false,
      code: 'ADMIN_DEMOTED',
      message: `The authorizing user is no longer an active admin (role ${me.role ?? 'unknown'})`,
      retryAt: isoOfMs(worker.now() + interval),
    });
  } catch (error) {
    if (worker.signal.aborted || error instanceof LeaseLostError) return;
    const failure = classifyFailure(error);
    if (failure.kind === 'token') await worker.tokenRefused(failure.message).catch(() => undefined);
    else worker.logger.warn({ connectorId: worker.connectorId, reason: failure.message }, 'role check failed');
  }
}
