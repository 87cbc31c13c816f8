import type { CollectionEvent, EventData, ZendeskActivityRecorded, ZendeskUserObserved } from '@zc/contracts';
import type { ResponseMeta, ZendeskClient } from '@zc/zendesk';
import type { CollectionState } from '../domain/collection-state';
import type { ConnectorView } from '../domain/connector-view';
import type { Lease as HeldLease, LeaseStore } from './runtime/lease';

/** The ports the collector's application layer calls; the adapters implement them. */

/** The lease one worker holds on a connector; `term` is its fencing token. */
export type Lease = HeldLease<CollectionState>;

/** The latest term of a connector as stored, with its checkpoint. */
export type CollectionDoc = Lease & { readonly _id: string };

/** Lease terms and checkpoints, one document per connector and term. */
export interface CollectionStore extends LeaseStore<CollectionState> {
  /** The latest term of a connector, with its checkpoint. */
  load(connectorId: string): Promise<CollectionDoc | null>;
  all(): Promise<CollectionDoc[]>;
}

/** The connector view as read: keyed by connector id, with the connector.events partition it lives on. */
export type ConnectorDoc = ConnectorView & { _id: string; partition: number };

export interface ConnectorReader {
  get(connectorId: string): Promise<ConnectorDoc | null>;
  /** Connectors that should be collected: authorized and not disconnected. */
  listActive(): Promise<ConnectorDoc[]>;
}

export interface EventContext {
  readonly connectorId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
}

export type CollectionData<T extends CollectionEvent['type']> = EventData<T>;

/** Publishes the collector's events: envelope, schema check and one produce per call. */
export interface EventSink {
  activities(
    context: EventContext,
    items: { sequence: number; occurredAt: string; data: ZendeskActivityRecorded['data'] }[],
  ): Promise<void>;
  users(context: EventContext, items: { sequence: number; data: ZendeskUserObserved['data'] }[]): Promise<void>;
  collection<T extends CollectionEvent['type']>(
    context: EventContext,
    type: T,
    sequence: number,
    data: CollectionData<T>,
  ): Promise<void>;
}

/** The collector's product metrics (docker/prometheus/METRICS.md); label values never hold secrets. */
export interface CollectorMetrics {
  request(connectorId: string, endpoint: string, status: number | 'error'): void;
  budgetUtilization(connectorId: string, bucket: 'api' | 'incremental_export', ratio: number): void;
  backfillProgress(connectorId: string, capability: 'users' | 'audit_logs', ratio: number): void;
  freshness(seconds: number): void;
  lastActivity(connectorId: string, epochSeconds: number, inactivityThresholdSeconds: number): void;
  forget(connectorId: string): void;
}

/** How one worker reaches its Zendesk account (adapters/zendesk-access.ts). */
export interface ZendeskSession {
  /** A Zendesk client for one budget stream. */
  client(stream: string): ZendeskClient;
  /** Drops the decrypted access token (a refused token, the end of the worker). */
  forgetToken(): void;
}

export interface ZendeskSessionOptions {
  readonly connectorId: string;
  /** Every request waits here (per stream), and every response feeds it. */
  readonly budget: {
    acquire(stream: string, path: string, signal: AbortSignal): Promise<void>;
    observe(meta: ResponseMeta): void;
    utilization(): { api: number; incremental: number };
  };
  readonly signal: AbortSignal;
  /** The connector as last read: its endpoint and current token bundle. */
  readonly view: () => ConnectorDoc;
  /** Throws when this worker may no longer call Zendesk (stopped, or its lease ran out). */
  readonly assertRunning: () => void;
}
