import {
  activityIdFor,
  type ActivityEvent,
  type CollectionEvent,
  type ConnectorEvent,
  type UserEvent,
} from '@zc/contracts';
import type { TopicEvent } from '../domain/view-fold';

/** Test and benchmark support: schema-valid events built deterministically from a seed. */

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

let uuidCounter = 0;
/** A valid v4-shaped UUID, unique within the process. */
export function testUuid(): string {
  uuidCounter += 1;
  const hex = uuidCounter.toString(16).padStart(12, '0');
  const salt = (Math.floor(Math.random() * 0xfff) | 0x100).toString(16);
  return `00000000-0000-4${salt}-8000-${hex}`;
}

const blob = { keyId: 'k1', iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'c2VjcmV0', tag: 'AAAAAAAAAAAAAAAAAAAAAA==' };

/** Typed by the caller's context; the contracts' schemas are what really check these in the tests. */
function envelope<E>(
  type: E extends { type: infer T } ? T : never,
  connectorId: string,
  sequence: number,
  at: number,
  data: unknown,
): E {
  const iso = new Date(at).toISOString();
  const event = {
    eventId: testUuid(),
    type,
    schemaVersion: type === 'ConnectorRegistered' ? 2 : 1,
    connectorId,
    sequence,
    occurredAt: iso,
    recordedAt: iso,
    actor: { kind: 'system' as const },
    correlationId: `corr-${connectorId}`,
    causationId: null,
    data,
  };
  return event as unknown as E;
}

const MINUTE = 60_000;

/** A connector's life on both streams: registered, a failed then successful authorization, collection. */
export function connectorScenario(connectorId: string, account: string, startMs: number, random: () => number) {
  let seq = 0;
  const at = (minutes: number) => startMs + minutes * MINUTE;
  const token = { zendeskTokenId: 7, scopes: ['read'], expiresAt: new Date(at(600)).toISOString(), refreshable: true };
  const connector: ConnectorEvent[] = [
    envelope('ConnectorRegistered', connectorId, seq++, at(0), {
      name: `Connector ${connectorId}`,
      clientId: 'client',
      clientSecret: blob,
      subdomain: account,
      endpoint: `${account}.zendesk.com`,
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
      authorizingUser: { zendeskUserId: 42, email: 'admin@example.com', role: 'admin' },
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

  let cseq = 0;
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
    options.sequence ?? 0,
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
): UserEvent {
  return envelope('ZendeskUserObserved', connectorId, 0, updatedAtMs, {
    account,
    id: userId,
    name,
    email: `user${String(userId)}@example.com`,
    role: userId % 10 === 0 ? 'admin' : 'agent',
    customRoleId: null,
    suspended: false,
    active: true,
    lastLoginAt: null,
    createdAt: new Date(updatedAtMs - 86_400_000).toISOString(),
    updatedAt: new Date(updatedAtMs).toISOString(),
  });
}

/** One stream per (topic, connector): the unit of order Kafka keeps. */
export type Streams = TopicEvent[][];

/** About `total` events over `connectors` connectors on all four topics, grouped by ordered stream. */
export function workload(total: number, connectors: number, seed: number, startMs = Date.UTC(2024, 4, 1)): Streams {
  const random = seededRandom(seed);
  const streams: Streams = [];
  let budget = total;
  const perConnector = Math.floor(total / connectors);
  for (let c = 0; c < connectors; c += 1) {
    const connectorId = `conn-${String(c)}`;
    const account = `acct${String(c % Math.max(1, connectors - 1))}`;
    const scenario = connectorScenario(connectorId, account, startMs, random);
    streams.push(scenario.connector.map((event) => ({ topic: 'connector.events' as const, event })));
    streams.push(scenario.collection.map((event) => ({ topic: 'collection.events' as const, event })));
    let left = Math.min(budget, perConnector) - scenario.connector.length - scenario.collection.length;
    const users: TopicEvent[] = [];
    const activities: TopicEvent[] = [];
    while (left > 0) {
      if (random() < 0.15) {
        const userId = Math.floor(random() * 50);
        // Zendesk's updated_at goes forward and backward across observations (re-scans replay old snapshots).
        const updatedAt = startMs + Math.floor(random() * 100) * MINUTE;
        users.push({
          topic: 'zendesk.users',
          event: userEvent(connectorId, account, userId, updatedAt, `v${String(updatedAt)}`),
        });
      } else {
        // Overlapping id ranges: neighbouring connectors share an account, and re-scans repeat records.
        const auditLogId = Math.floor(random() * perConnector * 2);
        activities.push({
          topic: 'zendesk.activities',
          event: activityEvent({
            connectorId,
            account,
            auditLogId,
            occurredAtMs: startMs + auditLogId * 1_000,
            collectedAtMs: startMs + auditLogId * 1_000 + Math.floor(random() * 60_000),
            // Content follows from the record id: Zendesk never changes an audit-log record.
            actorId: (auditLogId % 20) - 1,
            action: auditLogId % 2 === 0 ? 'update' : 'create',
          }),
        });
      }
      left -= 1;
    }
    streams.push(users, activities);
    budget -= perConnector;
  }
  return streams.filter((stream) => stream.length > 0);
}

/** Merges streams in a random interleaving that keeps each stream's own order, as Kafka does. */
export function interleave(streams: Streams, random: () => number): TopicEvent[] {
  const cursors = streams.map(() => 0);
  const out: TopicEvent[] = [];
  const live = streams.map((_, index) => index);
  while (live.length > 0) {
    const pick = Math.floor(random() * live.length);
    const streamIndex = live[pick] ?? 0;
    const stream = streams[streamIndex] ?? [];
    const cursor = cursors[streamIndex] ?? 0;
    const item = stream[cursor];
    if (item) out.push(item);
    cursors[streamIndex] = cursor + 1;
    if (cursor + 1 >= stream.length) live.splice(pick, 1);
  }
  return out;
}

export interface DeliveredBatch {
  topic: TopicEvent['topic'];
  events: TopicEvent['event'][];
}

const partitionOf = (key: string, partitions: number): number => {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % partitions;
};

/**
 * What consumers see: each stream lands in a partition of its topic by connector; a fetch returns up to
 * `batchSize` messages of one partition in order; partitions are served in a random order.
 */
export function partitionBatches(streams: Streams, partitions: number, batchSize: number, random: () => number) {
  const queues = new Map<string, TopicEvent[]>();
  for (const stream of streams) {
    const first = stream[0];
    if (!first) continue;
    const key = `${first.topic}/${String(partitionOf(first.event.connectorId, partitions))}`;
    // Streams sharing a partition interleave there, each keeping its order.
    const existing = queues.get(key) ?? [];
    queues.set(key, existing.length === 0 ? [...stream] : interleave([existing, stream], random));
  }
  const pending = [...queues.values()].map((queue) => ({ queue, cursor: 0 }));
  const out: DeliveredBatch[] = [];
  while (pending.length > 0) {
    const pick = Math.floor(random() * pending.length);
    const partition = pending[pick];
    if (!partition) break;
    const slice = partition.queue.slice(partition.cursor, partition.cursor + batchSize);
    partition.cursor += slice.length;
    const first = slice[0];
    if (first) out.push({ topic: first.topic, events: slice.map((item) => item.event) });
    if (partition.cursor >= partition.queue.length) pending.splice(pick, 1);
  }
  return out;
}
