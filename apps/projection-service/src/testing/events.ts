import {
  activityIdFor,
  FIRST_SEQUENCE,
  newEvent,
  type ActivityEvent,
  type CollectionEvent,
  type ConnectorEvent,
  type EventData,
  type EventOfType,
  type EventType,
  type UserEvent,
} from '@zc/contracts';
import { testUuid } from './seeded';

/** Test and benchmark support: schema-valid events of every topic, built from explicit inputs. */

const blob = { keyId: 'k1', iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'c2VjcmV0', tag: 'AAAAAAAAAAAAAAAAAAAAAA==' };

/** The envelope as every writer builds it (`newEvent`: the registry's schema version), at one instant. */
function envelope<T extends EventType>(
  type: T,
  connectorId: string,
  sequence: number,
  at: number,
  data: EventData<T>,
): EventOfType<T> {
  const iso = new Date(at).toISOString();
  return newEvent(
    type,
    {
      eventId: testUuid(),
      connectorId,
      sequence,
      occurredAt: iso,
      recordedAt: iso,
      actor: { kind: 'system' },
      correlationId: `corr-${connectorId}`,
      causationId: null,
    },
    data,
  );
}

const MINUTE = 60_000;

/** A connector's life on both streams: registered, a failed then successful authorization, collection. */
export function connectorScenario(connectorId: string, account: string, startMs: number, random: () => number) {
  let seq = FIRST_SEQUENCE;
  const at = (minutes: number) => startMs + minutes * MINUTE;
  // An expiring token, as the auth service records one: refreshed, never due for rotation.
  const expiresAt = new Date(at(600)).toISOString();
  const token = { providerTokenId: 7, scopes: ['read'], expiresAt, refreshable: true, rotationDueAt: null };
  const connector: ConnectorEvent[] = [
    envelope('ConnectorRegistered', connectorId, seq++, at(0), {
      name: `Connector ${connectorId}`,
      clientId: 'client',
      clientSecret: blob,
      provider: 'zendesk',
      endpoint: `${account}.zendesk.com`,
      providerDetails: { subdomain: account },
      rateLimitPerMinute: 200,
      redirectUrl: 'https://security.example.com/api/oauth/saga',
    }),
    envelope('ConnectorAuthorizationStarted', connectorId, seq++, at(1), {
      stateHash: 'a'.repeat(64),
      scopes: ['read'],
      redirectUrl: 'https://security.example.com/api/oauth/saga',
      expiresAt: new Date(at(11)).toISOString(),
    }),
  ];
  if (random() < 0.3) {
    connector.push(
      envelope('ConnectorAuthorizationFailed', connectorId, seq++, at(2), {
        reason: 'NOT_ADMIN',
        message: 'not admin',
      }),
      envelope('ConnectorAuthorizationStarted', connectorId, seq++, at(3), {
        stateHash: 'b'.repeat(64),
        scopes: ['read'],
        redirectUrl: 'https://security.example.com/api/oauth/saga',
        expiresAt: new Date(at(13)).toISOString(),
      }),
    );
  }
  connector.push(
    envelope('ConnectorAuthorized', connectorId, seq++, at(4), {
      tokenBundle: blob,
      token,
      authorizingUser: { providerUserId: 42, email: 'admin@example.com', role: 'admin' },
      authorizedAt: new Date(at(4)).toISOString(),
    }),
    envelope('ConnectionTested', connectorId, seq++, at(5), {
      ok: true,
      checks: [{ name: 'token_valid', ok: true, message: 'ok', durationMs: 12 }],
    }),
    envelope('ConnectorRateLimitChanged', connectorId, seq++, at(30), {
      previousPerMinute: 200,
      rateLimitPerMinute: 400,
    }),
  );

  let cseq = FIRST_SEQUENCE;
  const window = { from: new Date(at(4) - 7 * 24 * 60 * MINUTE).toISOString(), to: new Date(at(4)).toISOString() };
  const collection: CollectionEvent[] = [
    envelope('CollectionStarted', connectorId, cseq++, at(6), { trigger: 'authorized', backfillWindow: window }),
    envelope('BackfillProgressed', connectorId, cseq++, at(7), {
      resource: 'users',
      itemsFetched: 100,
      coveredUntil: null,
    }),
    envelope('BackfillProgressed', connectorId, cseq++, at(8), {
      resource: 'audit_logs',
      itemsFetched: 500,
      coveredUntil: new Date(at(4) - 3 * 24 * 60 * MINUTE).toISOString(),
    }),
    envelope('CapabilityFailed', connectorId, cseq++, at(9), {
      capability: 'audit_logs',
      code: 'RATE_LIMITED',
      message: '429 from Zendesk',
      retryAt: new Date(at(10)).toISOString(),
    }),
    envelope('CapabilityRecovered', connectorId, cseq++, at(10), { capability: 'audit_logs', code: 'RATE_LIMITED' }),
    envelope('BackfillCompleted', connectorId, cseq++, at(12), {
      backfillWindow: window,
      userCount: 100,
      activityCount: 900,
    }),
    envelope('CoverageRecorded', connectorId, cseq++, at(13), {
      resource: 'audit_logs',
      window: { from: window.to, to: new Date(at(13)).toISOString() },
      count: 3,
      firstId: 1,
      lastId: 3,
    }),
  ];
  const ending = random();
  if (ending < 0.25) {
    collection.push(
      envelope('CapabilityFailed', connectorId, cseq++, at(40), {
        capability: 'token',
        code: 'TOKEN_INVALID',
        message: '401 from Zendesk',
        retryAt: null,
      }),
    );
  } else if (ending < 0.5) {
    collection.push(
      envelope('CapabilityFailed', connectorId, cseq++, at(41), {
        capability: 'users',
        code: 'UPSTREAM_ERROR',
        message: '500 from Zendesk',
        retryAt: new Date(at(42)).toISOString(),
      }),
    );
  } else if (ending < 0.6) {
    connector.push(
      envelope('ConnectorDisconnected', connectorId, seq++, at(50), {
        tokenRevoked: true,
        revocationError: null,
      }),
    );
  }
  return { connector, collection };
}

export interface ActivityOptions {
  connectorId: string;
  account: string;
  auditLogId: number;
  occurredAtMs: number;
  collectedAtMs?: number;
  actorId?: number;
  action?: string;
  sourceType?: string;
  ipAddress?: string | null;
  sequence?: number;
}

export function activityEvent(options: ActivityOptions): ActivityEvent {
  const actorId = options.actorId ?? 42;
  return envelope(
    'ZendeskActivityRecorded',
    options.connectorId,
    options.sequence ?? FIRST_SEQUENCE,
    options.collectedAtMs ?? options.occurredAtMs,
    {
      activityId: activityIdFor(options.account, options.auditLogId),
      account: options.account,
      auditLogId: options.auditLogId,
      occurredAt: new Date(options.occurredAtMs).toISOString(),
      collectedAt: new Date(options.collectedAtMs ?? options.occurredAtMs).toISOString(),
      actor:
        actorId < 0
          ? { id: actorId, name: options.account, type: 'system' }
          : { id: actorId, name: `User ${String(actorId)}`, type: 'user' },
      action: options.action ?? 'update',
      actionLabel: 'Updated',
      source: { type: options.sourceType ?? 'user', id: 7, label: 'Someone' },
      description: 'Role changed',
      ipAddress: options.ipAddress === undefined ? '10.0.0.1' : options.ipAddress,
      raw: { id: options.auditLogId },
    },
  );
}

export function userEvent(
  connectorId: string,
  account: string,
  userId: number,
  updatedAtMs: number,
  name: string,
  role: UserEvent['data']['role'] = userId % 10 === 0 ? 'admin' : 'agent',
): UserEvent {
  return envelope('ZendeskUserObserved', connectorId, FIRST_SEQUENCE, updatedAtMs, {
    account,
    id: userId,
    name,
    email: `user${String(userId)}@example.com`,
    role,
    customRoleId: null,
    suspended: false,
    active: true,
    lastLoginAt: null,
    createdAt: new Date(updatedAtMs - 86_400_000).toISOString(),
    updatedAt: new Date(updatedAtMs).toISOString(),
  });
}
