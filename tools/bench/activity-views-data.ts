import { activityEvent } from '../../apps/projection-service/src/testing/events';
import { seededRandom } from '../../apps/projection-service/src/testing/seeded';

// The views bench's data, apart from its measurements: the same seed gives the same accounts in every run.

/** A realistic account: a few busy admins and many occasional users (Zipf-like), ~10 % system entries. */
export const ACTIONS = ['create', 'update', 'destroy', 'login', 'exported', 'signed_in', 'password_changed'];
export const SOURCES = ['user', 'ticket', 'zendesk/app_market/app', 'account_setting', 'rule', 'group', 'api_token'];
export function accountActivities(spec: { connector: number; count: number; start: number; end: number }) {
  const { connector, count: PER_CONNECTOR, start: START, end: END } = spec;
  const random = seededRandom(1_000 + connector);
  const zipf = (n: number) => Math.min(n, Math.floor(1 / (random() * (1 - 1 / n) + 1 / n)));
  const connectorId = `bench-conn-${String(connector)}`;
  const account = `acct${String(connector)}`;
  const step = (END - START) / PER_CONNECTOR;
  return Array.from({ length: PER_CONNECTOR }, (_, n) => {
    const system = random() < 0.1;
    const actorId = system ? -1 : 1_000 + zipf(400);
    return activityEvent({
      connectorId,
      account,
      auditLogId: n + 1,
      occurredAtMs: Math.floor((START + n * step + random() * step) / 1_000) * 1_000,
      actorId,
      action: ACTIONS[zipf(ACTIONS.length) - 1] ?? 'update',
      sourceType: SOURCES[zipf(SOURCES.length) - 1] ?? 'user',
      ipAddress: system ? null : `10.${String(connector)}.${String(zipf(50))}.${String(zipf(200))}`,
    });
  });
}
