import { ZendeskActivityRecorded } from '@zc/contracts';
import { z } from 'zod';
import { CONNECTOR_STATUSES } from '../domain/status-rules';

const Iso = z.string();
const NullableIso = Iso.nullable();

export const LimitQuery = z.coerce.number().int().min(1).max(500).default(50);

const CapabilityHealth = z.object({
  state: z.enum(['unknown', 'ok', 'failing']),
  code: z.string().nullable(),
  message: z.string().nullable(),
  since: NullableIso,
  retryAt: NullableIso,
});

const Progress = z.object({
  itemsFetched: z.number(),
  coveredUntil: NullableIso,
  ratio: z.number().nullable(),
  /** When the collector expects this part of the backfill to end, at the connector's budget. */
  estimatedCompletionAt: NullableIso,
});

export const ConnectorStatusResponse = z.object({
  connectorId: z.string(),
  name: z.string().nullable(),
  subdomain: z.string().nullable(),
  endpoint: z.string().nullable(),
  status: z.enum(CONNECTOR_STATUSES),
  reason: z.string(),
  message: z.string(),
  statusSince: NullableIso,
  cause: z.object({ eventType: z.string(), eventId: z.string() }).nullable(),
  health: z.object({ users: CapabilityHealth, audit_logs: CapabilityHealth, token: CapabilityHealth }),
  lastTest: z
    .object({
      ok: z.boolean(),
      at: Iso,
      checks: z.array(
        z.object({ name: z.string(), ok: z.boolean(), code: z.string().optional(), message: z.string() }),
      ),
    })
    .nullable(),
  authorization: z.object({
    authorizedAt: NullableIso,
    authorizingUser: z.object({ zendeskUserId: z.number(), role: z.string() }).nullable(),
    failure: z.object({ reason: z.string(), message: z.string(), at: Iso }).nullable(),
  }),
  backfill: z.object({
    window: z.object({ from: Iso, to: Iso }).nullable(),
    users: Progress,
    audit_logs: Progress,
    completedAt: NullableIso,
  }),
  collectionStartedAt: NullableIso,
  lastActivityAt: NullableIso,
  lastActivityCollectedAt: NullableIso,
  lastSuccessfulPollAt: NullableIso,
  /** What staleness is judged on: the owner's announced cadence and the last progress seen from it. */
  collector: z.object({
    instanceId: z.string().nullable(),
    pollIntervalMs: z.number().nullable(),
    leaseTtlMs: z.number().nullable(),
    lastHeartbeatAt: NullableIso,
    lastProgressAt: NullableIso,
    silenceBoundMs: z.number().nullable(),
    stalledSince: NullableIso,
  }),
  rateLimit: z.object({
    perMinute: z.number().nullable(),
    /** Share of the budget the collector used in its last window (last heartbeat); null until one reports it. */
    utilisation: z.number().nullable(),
    /** What that share is made of, and when the collector reported it. */
    budget: z
      .object({
        requestsInWindow: z.number(),
        limitPerWindow: z.number(),
        windowMs: z.number(),
        reportedAt: Iso,
      })
      .nullable(),
  }),
  token: z
    .object({
      issuedAt: Iso,
      expiresAt: NullableIso,
      refreshable: z.boolean(),
      ageDays: z.number(),
      rotationDue: z.boolean(),
      rotationDueAt: NullableIso,
    })
    .nullable(),
});
export type ConnectorStatusResponse = z.infer<typeof ConnectorStatusResponse>;

export const ConnectorListResponse = z.object({
  items: z.array(ConnectorStatusResponse),
  nextCursor: z.string().nullable(),
});

export const HistoryResponse = z.object({
  items: z.array(
    z.object({
      from: z.enum(CONNECTOR_STATUSES),
      to: z.enum(CONNECTOR_STATUSES),
      reason: z.string(),
      message: z.string(),
      at: Iso,
      cause: z.object({ eventType: z.string(), eventId: z.string(), sequence: z.number(), stream: z.string() }),
    }),
  ),
  nextCursor: z.string().nullable(),
});

// The activity as the collector published it (libs/contracts), without the raw record, plus who collected it.
const { activityId, raw: _raw, ...recorded } = ZendeskActivityRecorded.schema.shape.data.shape;
export const ActivityResponse = z.object({ activityId, connectorIds: z.array(z.string()), ...recorded });
export type ActivityResponse = z.input<typeof ActivityResponse>;

export const ActivityDetailResponse = ActivityResponse.extend({
  /** The audit-log record as Zendesk returned it. */
  raw: z.record(z.string(), z.unknown()),
});

export const ActivityListResponse = z.object({ items: z.array(ActivityResponse), nextCursor: z.string().nullable() });

export const UserResponse = z.object({
  connectorId: z.string(),
  account: z.string(),
  userId: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.string(),
  customRoleId: z.number().nullable(),
  suspended: z.boolean(),
  active: z.boolean(),
  lastLoginAt: NullableIso,
  createdAt: Iso,
  updatedAt: Iso,
});

export const UserListResponse = z.object({ items: z.array(UserResponse), nextCursor: z.string().nullable() });

export const ConnectorIdParams = z.object({ id: z.string().min(1).max(200) });
