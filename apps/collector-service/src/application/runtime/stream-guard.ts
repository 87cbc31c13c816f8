import { LeaseLostError } from '../../adapters/collection-store';
import { isoOfMs } from '../../domain/backfill-progress';
import { classifyFailure, transientBackoffMs } from '../streams/zendesk/classify-failure';
import type { ConnectorWorker } from '../connector-worker';

export type StreamCapability = 'users' | 'audit_logs';
export type StepOutcome = { wait: number } | 'stop';

/**
 * Runs one step of a stream and turns its failure into capability health and a wait: a refused
 * token pauses until a new one arrives; a refused capability retries slowly; throttling and upstream
 * errors back off and are reported only when they persist. Nothing here throws: a worker keeps going.
 */
export async function guardedStep(
  worker: ConnectorWorker,
  capability: StreamCapability,
  attempts: { n: number },
  step: () => Promise<void>,
): Promise<StepOutcome> {
  const { settings } = worker;
  if (worker.signal.aborted) return 'stop';
  if (worker.tokenBlocked()) return { wait: settings.capabilityRetryMs };
  try {
    await step();
    attempts.n = 0;
    await worker.tokenWorks();
    await worker.observe({ capability, ok: true });
    return { wait: 0 };
  } catch (error) {
    if (worker.signal.aborted || error instanceof LeaseLostError) return 'stop';
    return await handleFailure(worker, capability, attempts, error).catch((nested: unknown) => {
      if (worker.signal.aborted || nested instanceof LeaseLostError) return 'stop' as const;
      worker.logger.error({ connectorId: worker.connectorId, err: nested }, 'could not record a failure');
      return { wait: transientBackoffMs(attempts.n, 30_000) };
    });
  }
}

async function handleFailure(
  worker: ConnectorWorker,
  capability: StreamCapability,
  attempts: { n: number },
  error: unknown,
): Promise<StepOutcome> {
  const { settings } = worker;
  const failure = classifyFailure(error);
  const log = { connectorId: worker.connectorId, capability, failure: failure.kind, reason: failure.message };
  switch (failure.kind) {
    case 'token':
      worker.logger.warn(log, 'token refused; waiting for a new token from the auth service');
      await worker.tokenRefused(failure.message);
      return { wait: settings.capabilityRetryMs };
    case 'access': {
      const code = failure.code === 'CHECK_ROLE' ? await roleOrPlan(worker) : failure.code;
      worker.logger.warn({ ...log, code }, 'capability refused by Zendesk');
      const retryAt = isoOfMs(worker.now() + settings.capabilityRetryMs);
      await worker.observe({ capability, ok: false, code, message: failure.message, retryAt });
      return { wait: settings.capabilityRetryMs };
    }
    case 'transient': {
      attempts.n += 1;
      const wait = transientBackoffMs(attempts.n, 30_000);
      worker.logger.warn({ ...log, attempt: attempts.n }, 'transient Zendesk failure; backing off');
      const retryAt = isoOfMs(worker.now() + wait);
      await worker.observe({ capability, ok: false, code: failure.code, message: failure.message, retryAt });
      return { wait };
    }
    case 'internal':
      attempts.n += 1;
      worker.logger.error({ ...log, err: error }, 'collection step failed; retrying');
      return { wait: transientBackoffMs(attempts.n, 30_000) };
  }
}

/** A 403 on audit logs: users/me tells a demoted admin from a plan without audit logs. */
async function roleOrPlan(worker: ConnectorWorker): Promise<'ADMIN_DEMOTED' | 'PLAN_NOT_SUPPORTED'> {
  const me = await worker.client('role').getMe();
  const admin = me.id !== null && me.role === 'admin' && me.suspended !== true && me.active !== false;
  return admin ? 'PLAN_NOT_SUPPORTED' : 'ADMIN_DEMOTED';
}
