import type { Capability } from '@zc/contracts';

export const CONNECTOR_STATUSES = ['Pending', 'Authorizing', 'Connected', 'Degraded', 'Error', 'Disconnected'] as const;
export type ConnectorStatus = (typeof CONNECTOR_STATUSES)[number];

export type Lifecycle =
  'unknown' | 'registered' | 'authorizing' | 'authorized' | 'authorization_failed' | 'disconnected';

/** What the rules look at, already reduced to "in effect now" (superseded failures removed). */
export interface StatusInputs {
  lifecycle: Lifecycle;
  authFailureReason: string | null;
  collectionStarted: boolean;
  /** No progress from the owning collector for longer than its cadence allows (see status-staleness.ts). */
  stalled: boolean;
  /** Failure code per capability currently failing; absent when working or unknown. */
  failing: Partial<Record<Capability, string>>;
}

export interface StatusVerdict {
  status: ConnectorStatus;
  reason: string;
}

const DATA_CAPABILITIES = ['users', 'audit_logs'] as const;
const failingData = (s: StatusInputs) => DATA_CAPABILITIES.filter((capability) => s.failing[capability] !== undefined);

interface Rule {
  when: (s: StatusInputs) => boolean;
  status: ConnectorStatus;
  reason: (s: StatusInputs) => string;
}

/** First match wins. Each row is one sentence of the status contract in the README. */
export const STATUS_RULES: readonly Rule[] = [
  { when: (s) => s.lifecycle === 'disconnected', status: 'Disconnected', reason: () => 'DISCONNECTED' },
  {
    when: (s) => s.lifecycle === 'authorization_failed',
    status: 'Error',
    reason: (s) => s.authFailureReason ?? 'AUTHORIZATION_FAILED',
  },
  {
    when: (s) => s.lifecycle === 'unknown' || s.lifecycle === 'registered',
    status: 'Pending',
    reason: () => 'NOT_AUTHORIZED',
  },
  { when: (s) => s.lifecycle === 'authorizing', status: 'Authorizing', reason: () => 'AWAITING_CONSENT' },
  { when: (s) => s.failing.token !== undefined, status: 'Error', reason: (s) => s.failing.token ?? 'TOKEN_INVALID' },
  { when: (s) => !s.collectionStarted, status: 'Pending', reason: () => 'COLLECTION_NOT_STARTED' },
  // Before capability failures: what a silent collector last reported is no longer known to hold.
  { when: (s) => s.stalled, status: 'Degraded', reason: () => 'COLLECTION_STALLED' },
  {
    when: (s) => failingData(s).length === DATA_CAPABILITIES.length,
    status: 'Error',
    reason: (s) => s.failing.audit_logs ?? 'ALL_CAPABILITIES_FAILING',
  },
  {
    when: (s) => failingData(s).length > 0,
    status: 'Degraded',
    reason: (s) => s.failing.audit_logs ?? s.failing.users ?? 'CAPABILITY_FAILING',
  },
  { when: () => true, status: 'Connected', reason: () => 'COLLECTING' },
];

export function deriveStatus(inputs: StatusInputs): StatusVerdict {
  const rule = STATUS_RULES.find((candidate) => candidate.when(inputs)) ?? STATUS_RULES[STATUS_RULES.length - 1];
  // The last rule always matches; the fallback only satisfies the type checker.
  if (!rule) return { status: 'Connected', reason: 'COLLECTING' };
  return { status: rule.status, reason: rule.reason(inputs) };
}

const REASON_SENTENCES: Record<string, string> = {
  DISCONNECTED: 'The connector was disconnected; nothing is collected until an admin connects it again.',
  NOT_AUTHORIZED:
    'The connector is registered but not connected to Zendesk yet; an admin must click "Connect in Zendesk".',
  AWAITING_CONSENT: 'Waiting for a Zendesk admin to approve access in Zendesk.',
  COLLECTION_NOT_STARTED: 'Connected to Zendesk; the first collection has not started yet.',
  COLLECTING: 'Connected: users and audit logs are being collected.',
  COLLECTION_STALLED:
    'Collection has stopped: no collector has reported progress for this connector for longer than its poll ' +
    'interval and lease allow. What was collected is still shown; collection resumes from its checkpoint ' +
    'once a collector instance takes the connector over.',
  NOT_ADMIN: 'The Zendesk user who approved access is not an admin; a Zendesk admin must connect again.',
  PLAN_NOT_SUPPORTED:
    'Audit logs need Zendesk Enterprise or Enterprise Plus; this account’s plan does not include them.',
  ACCESS_DENIED: 'Access was denied in Zendesk; connect again and approve the request.',
  INVALID_CLIENT: 'Zendesk rejected the OAuth client ID or secret; check the OAuth client and rotate the credentials.',
  INVALID_GRANT: 'Zendesk no longer accepts the connector’s token; the connector needs reconnecting.',
  INVALID_STATE: 'The connection attempt could not be verified; start connecting again.',
  CODE_EXPIRED: 'The connection attempt took too long; start connecting again.',
  UPSTREAM_ERROR: 'Zendesk answered with errors; collection is retried automatically.',
  AUTHORIZATION_FAILED: 'Connecting to Zendesk failed; connect again.',
  TOKEN_INVALID: 'Zendesk rejected the access token; the connector needs reconnecting unless a token refresh succeeds.',
  ADMIN_DEMOTED: 'The Zendesk user who connected is no longer an admin; a Zendesk admin must connect again.',
  RATE_LIMITED: 'Zendesk is rate limiting requests; collection slows down and resumes by itself.',
  ALL_CAPABILITIES_FAILING: 'Neither users nor audit logs can be collected.',
  CAPABILITY_FAILING: 'Part of the collection is failing.',
};

const CAPABILITY_LABEL: Record<Capability, string> = { users: 'Users', audit_logs: 'Audit logs', token: 'The token' };

/** A sentence a person understands: what is wrong, what still works, and what to do. */
export function describeStatus(verdict: StatusVerdict, inputs: StatusInputs): string {
  const base = REASON_SENTENCES[verdict.reason] ?? `Status reason ${verdict.reason}.`;
  if (verdict.status !== 'Degraded' || verdict.reason === 'COLLECTION_STALLED') return base;
  const broken = failingData(inputs);
  const working = DATA_CAPABILITIES.filter((capability) => !broken.includes(capability));
  const brokenText = broken.map((capability) => CAPABILITY_LABEL[capability]).join(' and ');
  const workingText = working.map((capability) => CAPABILITY_LABEL[capability].toLowerCase()).join(' and ');
  return `${brokenText} cannot be collected right now: ${base} Collection of ${workingText} continues.`;
}
