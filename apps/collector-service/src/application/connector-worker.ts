import type { CollectionEvent } from '@zc/contracts';
import type { KafkaLogger } from '@zc/kafka';
import type { KeyRing } from '@zc/secrets';
import type { ZendeskClient } from '@zc/zendesk';
import { LeaseLostError, type CollectionStore, type Lease } from '../adapters/collection-store';
import type { CollectorMetrics } from '../adapters/collector-metrics';
import type { ConnectorDoc, ConnectorStore } from '../adapters/connector-store';
import type { CollectionData, EventContext, EventSink } from '../adapters/event-publisher';
import { decideHealth, type Observation } from '../domain/capability-health';
import { startCollection, type CollectionState } from '../domain/collection-state';
import { ConnectorBudget } from './streams/zendesk/connector-budget';
import { LeaseKeeper } from './runtime/lease-keeper';
import { runAuditBackfill } from './streams/zendesk/audit-backfill';
import { runAuditStream, runRecollections } from './streams/zendesk/audit-stream';
import { sendHeartbeat } from './heartbeat';
import { runRoleCheck } from './streams/zendesk/role-check';
import { runUsersStream } from './streams/zendesk/users-stream';
import { Waker, abortableSleep } from './runtime/waker';
import type { WorkerSettings } from './worker-settings';
import { ZendeskAccess } from './streams/zendesk/zendesk-access';

export interface WorkerDeps {
  readonly instanceId: string;
  readonly connectors: ConnectorStore;
  readonly collections: CollectionStore;
  readonly sink: EventSink;
  readonly keyRing: KeyRing;
  readonly hostMap: (endpoint: string) => Readonly<Record<string, string>>;
  readonly metrics: CollectorMetrics;
  readonly logger: KafkaLogger;
  readonly settings: WorkerSettings;
  readonly now: () => number;
}

/**
 * Collects one connector while this instance holds its lease: users, the live audit tail, the
 * audit backfill, the role check and requested recollections run side by side, share one budget, and checkpoint through one serialised
 * transaction queue (publish first, then the fenced checkpoint), so sequences stay gap-free.
 */
export class ConnectorWorker {
  readonly connectorId: string;
  readonly waker: Waker;
  readonly budget: ConnectorBudget;
  readonly #abort = new AbortController();
  readonly #keeper: LeaseKeeper;
  #view: ConnectorDoc;
  #state!: CollectionState;
  #chain: Promise<unknown> = Promise.resolve();
  #lastPublishedAt: number | null = null;
  /** Set while the token is refused: the tokenVersion that failed. */
  #tokenRefusedAt: number | null = null;
  readonly #zendesk: ZendeskAccess;
  #accountName: string | null = null;

  constructor(
    private readonly deps: WorkerDeps,
    lease: Lease,
    view: ConnectorDoc,
  ) {
    this.connectorId = view._id;
    this.#view = view;
    this.waker = new Waker(this.#abort.signal);
    this.budget = new ConnectorBudget({
      limitPerMinute: view.rateLimitPerMinute,
      incrementalPerMinute: deps.settings.incrementalPerMinute,
      windowMs: deps.settings.budgetWindowMs,
      clock: deps.now,
      sleep: abortableSleep,
    });
    this.#keeper = new LeaseKeeper(deps.collections, lease, {
      ttlMs: deps.settings.leaseTtlMs,
      now: deps.now,
      onLost: () => {
        deps.logger.warn({ connectorId: this.connectorId }, 'lease lost; stopping collection at once');
        this.#abort.abort();
      },
      onRenewed: () => {
        void this.refresh();
        if (this.#state !== undefined) void sendHeartbeat(this, deps.instanceId);
      },
    });
    this.#zendesk = new ZendeskAccess({
      connectorId: this.connectorId,
      instanceId: deps.instanceId,
      keyRing: deps.keyRing,
      hostMap: deps.hostMap,
      metrics: deps.metrics,
      budget: this.budget,
      now: deps.now,
      signal: this.#abort.signal,
      view: () => this.#view,
      assertRunning: () => this.#assertRunning(),
    });
  }

  get signal(): AbortSignal {
    return this.#abort.signal;
  }
  get settings(): WorkerSettings {
    return this.deps.settings;
  }
  get account(): string {
    return this.#view.subdomain ?? this.connectorId;
  }
  /**
   * The account's name as Zendesk reports it (`GET /api/v2/account`), which system activities show as
   * their actor. Asked once per lease term; until an answer arrives each walk falls back to the subdomain
   * and asks again, so a failing call never holds collection up.
   */
  async accountName(): Promise<string> {
    if (this.#accountName !== null) return this.#accountName;
    try {
      this.#accountName = (await this.client('account').getAccount()).name;
      return this.#accountName;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.deps.logger.warn({ connectorId: this.connectorId, reason }, 'account name unavailable; using subdomain');
      return this.account;
    }
  }
  get state(): CollectionState {
    return this.#state;
  }
  get lease(): Lease {
    return this.#keeper.lease;
  }
  get metrics(): CollectorMetrics {
    return this.deps.metrics;
  }
  get view(): ConnectorDoc {
    return this.#view;
  }
  /** When this worker last published a collection event (heartbeats are sent only in quiet periods). */
  get lastPublishedAt(): number | null {
    return this.#lastPublishedAt;
  }
  get logger(): KafkaLogger {
    return this.deps.logger;
  }
  now(): number {
    return this.deps.now();
  }
  context(): EventContext {
    return { connectorId: this.connectorId, correlationId: `collection:${this.connectorId}`, causationId: null };
  }

  /** Runs until stopped, the lease is lost, or the connector is no longer active. */
  async run(): Promise<void> {
    this.#keeper.start();
    try {
      await this.#begin();
      await Promise.all([
        runUsersStream(this),
        runAuditStream(this),
        runAuditBackfill(this),
        runRoleCheck(this),
        runRecollections(this),
      ]);
    } finally {
      this.#keeper.stop();
      this.#zendesk.forgetToken();
      this.deps.metrics.forget(this.connectorId);
    }
  }

  /** Graceful stop: finish nothing more, keep the checkpoint, hand the lease back. */
  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#chain.catch(() => undefined);
    await this.deps.collections.release(this.#keeper.lease).catch(() => undefined);
  }

  /** kill -9 stand-in: stop everything, release nothing; another instance takes over after the TTL. */
  crash(): void {
    this.#keeper.stop();
    this.#abort.abort();
  }

  /** Re-reads the connector: rate-limit changes, new tokens and disconnects apply without restart. */
  async refresh(): Promise<void> {
    const view = await this.deps.connectors.get(this.connectorId).catch(() => null);
    if (!view) return;
    this.#view = view;
    this.budget.setLimit(view.rateLimitPerMinute);
    if (view.status !== 'active' || view.generation !== this.#state.generation) {
      // Disconnected (drop the token) or re-authorized after a disconnect: the scheduler starts afresh.
      this.#abort.abort();
      return;
    }
    if (this.#tokenRefusedAt !== null && view.tokenVersion > this.#tokenRefusedAt) this.waker.wake();
  }

  async #begin(): Promise<void> {
    // The checkpoint this lease term inherited from the previous one (empty for a new connector).
    const previous = this.#keeper.lease.state;
    if (previous !== null && previous.generation === this.#view.generation) {
      this.#state = previous;
      return;
    }
    const authorizedAtMs = Date.parse(this.#view.authorizedAt ?? new Date(this.now()).toISOString());
    this.#state = startCollection({
      generation: this.#view.generation,
      authorizedAtMs,
      backfillDays: this.settings.backfillDays,
      previous,
    });
    await this.txn((state) =>
      this.emit(state, 'CollectionStarted', {
        trigger: 'authorized',
        backfillWindow: {
          from: new Date(state.backfill.from * 1000).toISOString(),
          to: new Date((state.backfill.to + 1) * 1000).toISOString(),
        },
      }),
    );
  }

  /**
   * The only way state changes: serialised, fenced, after whatever `step` published. A stale owner
   * fails here (LeaseLostError) before its checkpoint can move.
   */
  txn(step: (state: CollectionState) => Promise<CollectionState> | CollectionState): Promise<void> {
    const run = async (): Promise<void> => {
      this.#assertRunning();
      const next = await step(this.#state);
      if (next === this.#state) return;
      this.#assertRunning();
      await this.deps.collections.save(this.#keeper.lease, next);
      this.#state = next;
    };
    const result = this.#chain.then(run, run);
    this.#chain = result.catch(() => undefined);
    return result;
  }

  #assertRunning(): void {
    if (this.signal.aborted) throw new LeaseLostError(this.connectorId);
    this.#keeper.assertHeld();
  }

  /** Publishes one collection event with the next sequence; call inside txn. */
  async emit<T extends CollectionEvent['type']>(state: CollectionState, type: T, data: CollectionData<T>) {
    await this.deps.sink.collection(this.context(), type, state.sequences.collection, data);
    this.#lastPublishedAt = this.now();
    return { ...state, sequences: { ...state.sequences, collection: state.sequences.collection + 1 } };
  }

  observe(observation: Observation): Promise<void> {
    return this.txn(async (state) => {
      const decided = decideHealth(state.health, observation, this.settings.persistAfter);
      if (decided.state === state.health) return state;
      let next: CollectionState = { ...state, health: decided.state };
      for (const event of decided.events) next = await this.emit(next, event.type, event.data);
      return next;
    });
  }

  get sink(): EventSink {
    return this.deps.sink;
  }

  /** True while the token is refused and no newer one has arrived. */
  tokenBlocked(): boolean {
    return this.#tokenRefusedAt !== null && this.#view.tokenVersion <= this.#tokenRefusedAt;
  }

  async tokenRefused(message: string): Promise<void> {
    this.#tokenRefusedAt = this.#view.tokenVersion;
    this.#zendesk.forgetToken();
    await this.observe({ capability: 'token', ok: false, code: 'TOKEN_INVALID', message, retryAt: null });
  }

  /** After any successful call: a token that was refused works again. */
  async tokenWorks(): Promise<void> {
    if (this.#state.health.token.failing === null && this.#tokenRefusedAt === null) return;
    this.#tokenRefusedAt = null;
    await this.observe({ capability: 'token', ok: true });
  }

  client(stream: string): ZendeskClient {
    return this.#zendesk.client(stream);
  }
}
