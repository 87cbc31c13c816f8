import type { EventType } from '../event-registry';
import { newEvent, type EnvelopeFields, type EventData } from '../new-event';
import { FIRST_SEQUENCE } from '../sequence';

/** Test-only: a valid `data` payload for every current event type, so each test starts from a known-good event. */
const blob = { keyId: 'key-2024-01', iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'c2VjcmV0', tag: 'AAAAAAAAAAAAAAAAAAAAAA==' };
const token = {
  providerTokenId: 991,
  scopes: ['read', 'users:read'],
  expiresAt: '2024-05-02T10:00:00Z',
  refreshable: true,
};
const window = { from: '2024-04-24T10:00:00Z', to: '2024-05-01T10:00:00Z' };

export const validData: Record<EventType, unknown> = {
  ConnectorRegistered: {
    name: 'Acme support',
    clientId: 'zc_acme',
    provider: 'zendesk',
    clientSecret: blob,
    endpoint: 'acme.zendesk.com',
    providerDetails: { subdomain: 'acme' },
    rateLimitPerMinute: 400,
    redirectUrl: 'https://security.example.com/api/oauth/saga',
  },
  ConnectorAuthorizationStarted: {
    stateHash: 'a'.repeat(64),
    scopes: ['read'],
    redirectUrl: 'https://security.example.com/api/oauth/saga',
    expiresAt: '2024-05-01T10:10:00Z',
  },
  ConnectorAuthorized: {
    tokenBundle: blob,
    token,
    authorizingUser: { providerUserId: 42, email: 'admin@acme.test', role: 'admin' },
    authorizedAt: '2024-05-01T10:00:00Z',
  },
  ConnectorAuthorizationFailed: { reason: 'NOT_ADMIN', message: 'Only a Zendesk admin can connect Zendesk' },
  ConnectionTested: {
    ok: false,
    checks: [
      { name: 'token_valid', ok: true, message: 'Token accepted', durationMs: 41 },
      { name: 'audit_log_access', ok: false, code: 'PLAN_NOT_SUPPORTED', message: 'Needs Enterprise', durationMs: 87 },
    ],
  },
  ConnectorTokenRefreshed: { tokenBundle: blob, token, refreshedAt: '2024-05-02T09:00:00Z' },
  ConnectorTokenRotationDue: {
    providerTokenId: 991,
    tokenIssuedAt: '2023-11-01T10:00:00Z',
    dueAt: '2024-05-01T10:00:00Z',
  },
  ConnectorRateLimitChanged: { previousPerMinute: 200, rateLimitPerMinute: 700 },
  ConnectorCredentialsRotated: { clientId: 'zc_acme', clientSecret: blob },
  ConnectorDisconnected: { tokenRevoked: true, revocationError: null },
  RecollectionRequested: { window },
  CollectionStarted: { trigger: 'authorized', backfillWindow: window },
  BackfillProgressed: { resource: 'audit_logs', itemsFetched: 1200, coveredUntil: '2024-04-27T00:00:00Z' },
  BackfillCompleted: { backfillWindow: window, userCount: 37, activityCount: 5120 },
  CapabilityFailed: { capability: 'audit_logs', code: 'RATE_LIMITED', message: '429', retryAt: '2024-05-01T10:01:00Z' },
  CapabilityRecovered: { capability: 'audit_logs', code: 'RATE_LIMITED' },
  CoverageRecorded: { resource: 'audit_logs', window, count: 3, firstId: 100, lastId: 102 },
  CollectionHeartbeat: { instanceId: 'collector-1', pollIntervalMs: 60_000, leaseTtlMs: 30_000 },
  ZendeskActivityRecorded: {
    activityId: 'zd:acme:100',
    account: 'acme',
    auditLogId: 100,
    occurredAt: '2024-04-30T08:00:00Z',
    collectedAt: '2024-05-01T10:05:00.123Z',
    actor: { id: -1, name: 'acme', type: 'system' },
    action: 'update',
    actionLabel: 'Updated',
    source: { type: 'user', id: 42, label: 'Ada Admin' },
    description: 'Role changed from agent to admin',
    ipAddress: null,
    raw: { id: 100, action: 'update', source_type: 'user' },
  },
  ZendeskUserObserved: {
    account: 'acme',
    id: 42,
    name: 'Ada Admin',
    email: 'admin@acme.test',
    role: 'admin',
    customRoleId: null,
    suspended: false,
    active: true,
    lastLoginAt: '2024-04-30T07:00:00Z',
    createdAt: '2020-01-01T00:00:00Z',
    updatedAt: '2024-04-30T08:00:00Z',
  },
};

/** The envelope fields of every valid example. */
export const validEnvelope: EnvelopeFields = {
  eventId: '0b7c1c1e-4a4f-4b8e-9f0a-3c2d1e0f9a8b',
  connectorId: 'conn-1',
  sequence: FIRST_SEQUENCE,
  occurredAt: '2024-05-01T10:00:00Z',
  recordedAt: '2024-05-01T10:00:00.250Z',
  actor: { kind: 'admin_key', id: 'key_01' },
  correlationId: 'req-7',
  causationId: null,
};

/** A full message as a writer would publish it (built by `newEvent`); `overrides` replace envelope fields. */
export function validMessage(type: EventType, overrides: Record<string, unknown> = {}) {
  // validData is checked against each type's schema by the tests that use it.
  return { ...newEvent(type, validEnvelope, validData[type] as EventData<typeof type>), ...overrides };
}
