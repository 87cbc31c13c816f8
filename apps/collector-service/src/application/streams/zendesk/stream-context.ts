import type { CollectionEvent } from '@zc/contracts';
import type { ZendeskClient } from '@zc/zendesk';
import type { Observation } from '../../../domain/capability-health';
import type { CollectionState } from '../../../domain/collection-state';
import type { RecollectionRequest } from '../../../domain/connector-view';
import type { CollectionData, CollectorMetrics, EventContext, EventSink } from '../../ports';
import type { RuntimeLogger, StreamContext } from '../../runtime/stream';
import type { GuardedContext } from '../../runtime/stream-guard';
import type { WorkerSettings } from '../../worker-settings';

export type StreamCapability = 'users' | 'audit_logs';

/**
 * All a Zendesk stream may use of its worker: the runtime's context (state, checkpoint queue,
 * waker, stop signal, clock) plus its Zendesk clients, the publishing of what it collected, the
 * capability health it reports, and the settings. Nothing of the lease, the scheduler or the
 * other streams.
 */
export interface ZendeskStreamContext extends StreamContext<CollectionState>, GuardedContext<StreamCapability> {
  readonly settings: WorkerSettings;
  /** The subdomain (the account activities are attributed to). */
  readonly account: string;
  readonly metrics: CollectorMetrics;
  readonly logger: RuntimeLogger;
  /** Publishes activities and users; call inside txn, with the sequences the state carries. */
  readonly sink: Pick<EventSink, 'activities' | 'users'>;
  readonly budget: { requestsPerMinute(): number };
  context(): EventContext;
  /** The account's name as Zendesk reports it, or the subdomain while unknown. */
  accountName(): Promise<string>;
  /** A Zendesk client for one budget stream (each stream its own fair queue). */
  client(stream: string): ZendeskClient;
  /** Recollection requests of the connector as last read. */
  recollections(): readonly RecollectionRequest[];
  /** Publishes one collection event with the next sequence; call inside txn. */
  emit<T extends CollectionEvent['type']>(
    state: CollectionState,
    type: T,
    data: CollectionData<T>,
  ): Promise<CollectionState>;
  /** Records capability health (events on a change), in the checkpoint queue. */
  observe(observation: Observation): Promise<void>;
  /** True while the token is refused and no newer one has arrived. */
  tokenBlocked(): boolean;
  tokenRefused(message: string): Promise<void>;
  /** After any successful call: a token that was refused works again. */
  tokenWorks(): Promise<void>;
}
