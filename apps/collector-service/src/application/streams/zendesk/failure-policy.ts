import { isoOfMs } from '../../../domain/backfill-progress';
import { transientBackoffMs, type FailurePolicy, type StepOutcome } from '../../runtime/stream-guard';
import { classifyFailure } from './classify-failure';
import type { StreamCapability, ZendeskStreamContext } from './stream-context';

type PolicyContext = Omit<ZendeskStreamContext, 'failures'>;

/**
 * What a Zendesk failure means: a refused token pauses until a new one arrives; a refused
 * capability retries slowly; throttling and upstream errors back off and are reported only when
 * they persist.
 */
export function zendeskFailurePolicy(worker: PolicyContext): FailurePolicy<StreamCapability> {
  return {
    blockedFor: () => (worker.tokenBlocked() ? worker.settings.capabilityRetryMs : null),
    async succeeded(capability) {
      await worker.tokenWorks();
      await worker.observe({ capability, ok: true });
    },
    failed: (capability, attempts, error) => handleFailure(worker, capability, attempts, error),
  };
}

async function handleFailure(
  worker: PolicyContext,
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
async function roleOrPlan(worker: PolicyContext): Promise<'ADMIN_DEMOTED' | 'PLAN_NOT_SUPPORTED'> {
  const me = await worker.client('role').getMe();
  const admin = me.id !== null && me.role === 'admin' && me.suspended !== true && me.active !== false;
  return admin ? 'PLAN_NOT_SUPPORTED' : 'ADMIN_DEMOTED';
}
