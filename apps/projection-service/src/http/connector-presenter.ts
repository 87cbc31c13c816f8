import { backfillRatio, effectiveHealth, tokenHealth } from '../domain/status-presentation';
import { silenceBoundMs } from '../domain/status-staleness';
import type { StatusDocument } from '../domain/status-document';
import type { CollectorCadence, ResourceProgress } from '../domain/collection-part';
import type { ConnectorStatusResponse } from './schemas';

/** Progress as the API shows it; views stored before the collector sent an ETA lack the field. */
const progressOf = (
  progress: Partial<ResourceProgress> & Pick<ResourceProgress, 'itemsFetched' | 'coveredUntil'>,
  ratio: number | null,
) => ({
  itemsFetched: progress.itemsFetched,
  coveredUntil: progress.coveredUntil,
  ratio,
  estimatedCompletionAt: progress.estimatedCompletionAt ?? null,
});

export function presentConnector(doc: StatusDocument, now: Date): ConnectorStatusResponse {
  const { connector, collection } = doc;
  const { backfill } = collection;
  return {
    connectorId: doc._id,
    name: connector.name,
    subdomain: connector.subdomain,
    endpoint: connector.endpoint,
    status: doc.status,
    reason: doc.reason,
    message: doc.message,
    statusSince: doc.statusSince,
    cause: doc.cause,
    health: effectiveHealth(doc),
    lastTest: connector.lastTest,
    authorization: {
      authorizedAt: connector.authorizedAt,
      authorizingUser: connector.authorizingUser,
      failure: connector.authFailure,
    },
    backfill: {
      window: backfill.window,
      users: progressOf(backfill.users, backfillRatio(doc, 'users')),
      audit_logs: progressOf(backfill.audit_logs, backfillRatio(doc, 'audit_logs')),
      completedAt: backfill.completedAt,
    },
    collectionStartedAt: collection.startedAt,
    lastActivityAt: doc.lastActivityAt ?? null,
    lastActivityCollectedAt: doc.lastActivityCollectedAt ?? null,
    lastSuccessfulPollAt: collection.lastSuccessfulPollAt,
    collector: {
      instanceId: collection.cadence?.instanceId ?? null,
      pollIntervalMs: collection.cadence?.pollIntervalMs ?? null,
      leaseTtlMs: collection.cadence?.leaseTtlMs ?? null,
      lastHeartbeatAt: collection.cadence?.at ?? null,
      lastProgressAt: collection.lastProgress?.at ?? null,
      silenceBoundMs: silenceBoundMs(collection),
      stalledSince: doc.stall?.since ?? null,
    },
    rateLimit: { perMinute: connector.rateLimitPerMinute, ...budgetUse(collection.cadence) },
    token: tokenHealth(doc, now),
  };
}

/** The budget use of the collector's last heartbeat: requests in its window against the limit. */
function budgetUse(cadence: CollectorCadence | null) {
  const budget = cadence?.budget ?? null;
  if (cadence === null || budget === null) return { utilisation: null, budget: null };
  return {
    utilisation: budget.requestsInWindow / budget.limitPerWindow,
    budget: { ...budget, reportedAt: cadence.at },
  };
}
