import type { CollectionEvent } from '@zc/contracts';
import type { KafkaLogger } from '@zc/kafka';
import { decideHealth, type Observation } from '../domain/capability-health';
import { startCollection, type CollectionState } from '../domain/collection-state';
import { sendHeartbeat, type HeartbeatContext } from './heartbeat';
import type {
  CollectionData,
  CollectionStore,
  CollectorMetrics,
  ConnectorDoc,
  ConnectorReader,
  EventContext,
  EventSink,
  Lease,
  ZendeskSession,
  ZendeskSessionOptions,
} from './ports';
import { CollectionRuntime } from './runtime/collection-runtime';
import type { ScheduledWorker } from './runtime/scheduler';
import { ConnectorBudget } from './streams/zendesk/connector-budget';
import { zendeskFailurePolicy } from './streams/zendesk/failure-policy';
import type { ZendeskStreamContext } from './streams/zendesk/stream-context';
import { zendeskStreams } from './streams/zendesk/streams';
import { abortableSleep } from './runtime/waker';
import type { WorkerSettings } from './worker-settings';

export interface WorkerDeps {
  readonly instanceId: string;
  readonly connectors: ConnectorReader;
  readonly collections: CollectionStore;
  readonly sink: EventSink;
  /** Opens this worker's way to its Zendesk account (adapters/zendesk-access.ts). */
  readonly openZendesk: (options: ZendeskSessionOptions) => ZendeskSession;
  readonly metrics: CollectorMetrics;
  readonly logger: KafkaLogger;
  readonly settings: WorkerSettings;
  readonly now: () => number;
}

/** The checkpoint a new lease term starts from, and whether it starts a new collection. */
function initialState(view: ConnectorDoc, inherited: CollectionState | null, settings: WorkerSettings, now: number) {
  if (inherited !== null && inherited.generation === view.generation) return { state: inherited, fresh: false };
  const authorizedAtMs = Date.parse(view.authorizedAt ?? new Date(now).toISOString());
  const state = startCollection({
    generation: view.generation,
    authorizedAtMs,
    backfillDays: settings.backfillDays,
    previous: inherited,
  });
  return { state, fresh: true };
}

/**
 * Collects one Zendesk connector while this instance holds its lease: the Zendesk streams (users,
 * the live audit tail, the audit backfill, the role check, requested recollections) run on the
 * collection runtime (lease keeper, checkpoint queue, waker), share one budget, and see the worker
 * only through their narrow context.
 */
export class ConnectorWorker implements ScheduledWorker<CollectionState> {
  readonly connectorId: string;
  readonly #budget: ConnectorBudget;
  readonly #runtime: CollectionRuntime<CollectionState>;
  readonly #zendesk: ZendeskSession;
  readonly #context: ZendeskStreamContext & HeartbeatContext;
  readonly #fresh: boolean;
  #view: ConnectorDoc;
  /** Set while the token is refused: the tokenVersion that failed. */
  #tokenRefusedAt: number | null = null;
  #accountName: string | null = null;

  constructor(
    private readonly deps: WorkerDeps,
    lease: Lease,
    view: ConnectorDoc,
  ) {
    this.connectorId = view._id;
    this.#view = view;
    const initial = initialState(view, lease.state, deps.settings, deps.now());
    this.#fresh = initial.fresh;
    this.#budget = new ConnectorBudget({
      limitPerMinute: view.rateLimitPerMinute,
      incrementalPerMinute: deps.settings.incrementalPerMinute,
      windowMs: deps.settings.budgetWindowMs,
      clock: deps.now,
      sleep: abortableSleep,
    });
    const runtime = new CollectionRuntime<CollectionState>({
      connectorId: this.connectorId,
      lease,
      initial: initial.state,
      store: deps.collections,
      ttlMs: deps.settings.leaseTtlMs,
      now: deps.now,
      logger: deps.logger,
      onRenewed: () => {
        void this.#refresh();
        void sendHeartbeat(this.#context, deps.instanceId);
      },
    });
    this.#runtime = runtime;
    this.#zendesk = deps.openZendesk({
      connectorId: this.connectorId,
      budget: this.#budget,
      signal: runtime.signal,
      view: () => this.#view,
      assertRunning: () => runtime.assertRunning(),
    });
    this.#context = this.#streamContext();
  }

  get lease(): Lease {
    return this.#runtime.lease;
  }

  /** Runs until stopped, the lease is lost, or the connector is no longer active. */
  async run(): Promise<void> {
    try {
      await this.#runtime.run(this.#context, zendeskStreams, () => this.#begin());
    } finally {
      this.#zendesk.forgetToken();
      this.deps.metrics.forget(this.connectorId);
    }
  }

  /** Graceful stop: finish nothing more, keep the checkpoint, hand the lease back. */
  stop(): Promise<void> {
    return this.#runtime.stop();
  }

  /** kill -9 stand-in: stop everything, release nothing; another instance takes over after the TTL. */
  crash(): void {
    this.#runtime.crash();
  }

  notify(): void {
    void this.#refresh().then(() => this.#runtime.waker.wake());
  }

  /** Re-reads the connector: rate-limit changes, new tokens and disconnects apply without restart. */
  async #refresh(): Promise<void> {
    const view = await this.deps.connectors.get(this.connectorId).catch(() => null);
    if (!view) return;
    this.#view = view;
    this.#budget.setLimit(view.rateLimitPerMinute);
    if (view.status !== 'active' || view.generation !== this.#runtime.state.generation) {
      // Disconnected (drop the token) or re-authorized after a disconnect: the scheduler starts afresh.
      this.#runtime.abort();
      return;
    }
    if (this.#tokenRefusedAt !== null && view.tokenVersion > this.#tokenRefusedAt) this.#runtime.waker.wake();
  }

  /**
   * A term starts with its cadence (after CollectionStarted on a fresh collection), before any stream
   * runs: the projection judges silence by it, so it must know it as soon as it shows the connector as
   * collecting, not from the first renewal on. A collector that dies before then still shows as stalled.
   */
  async #begin(): Promise<void> {
    if (this.#fresh) await this.#startCollection();
    await sendHeartbeat(this.#context, this.deps.instanceId);
  }

  #startCollection(): Promise<void> {
    return this.#runtime.txn((state) =>
      this.#emit(state, 'CollectionStarted', {
        trigger: 'authorized',
        backfillWindow: {
          from: new Date(state.backfill.from * 1000).toISOString(),
          to: new Date((state.backfill.to + 1) * 1000).toISOString(),
        },
      }),
    );
  }

  #eventContext(): EventContext {
    return { connectorId: this.connectorId, correlationId: `collection:${this.connectorId}`, causationId: null };
  }

  /** Publishes one collection event with the next sequence; call inside txn. */
  async #emit<T extends CollectionEvent['type']>(state: CollectionState, type: T, data: CollectionData<T>) {
    await this.deps.sink.collection(this.#eventContext(), type, state.sequences.collection, data);
    return { ...state, sequences: { ...state.sequences, collection: state.sequences.collection + 1 } };
  }

  #observe(observation: Observation): Promise<void> {
    return this.#runtime.txn(async (state) => {
      const decided = decideHealth(state.health, observation, this.deps.settings.persistAfter);
      if (decided.state === state.health) return state;
      let next: CollectionState = { ...state, health: decided.state };
      for (const event of decided.events) next = await this.#emit(next, event.type, event.data);
      return next;
    });
  }

  #tokenBlocked(): boolean {
    return this.#tokenRefusedAt !== null && this.#view.tokenVersion <= this.#tokenRefusedAt;
  }

  async #tokenRefused(message: string): Promise<void> {
    this.#tokenRefusedAt = this.#view.tokenVersion;
    this.#zendesk.forgetToken();
    await this.#observe({ capability: 'token', ok: false, code: 'TOKEN_INVALID', message, retryAt: null });
  }

  async #tokenWorks(): Promise<void> {
    if (this.#runtime.state.health.token.failing === null && this.#tokenRefusedAt === null) return;
    this.#tokenRefusedAt = null;
    await this.#observe({ capability: 'token', ok: true });
  }

  /**
   * The account's name as Zendesk reports it (`GET /api/v2/account`), which system activities show as
   * their actor. Asked once per lease term; until an answer arrives each walk falls back to the subdomain
   * and asks again, so a failing call never holds collection up.
   */
  async #accountNameOrSubdomain(): Promise<string> {
    if (this.#accountName !== null) return this.#accountName;
    try {
      this.#accountName = (await this.#zendesk.client('account').getAccount()).name;
      return this.#accountName;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.deps.logger.warn({ connectorId: this.connectorId, reason }, 'account name unavailable; using subdomain');
      return this.#account();
    }
  }

  #account(): string {
    return this.#view.subdomain ?? this.connectorId;
  }

  /** What the streams (and the heartbeat) see of this worker; nothing else of it is reachable. */
  #streamContext(): ZendeskStreamContext & HeartbeatContext {
    const runtime = this.#runtime;
    const { deps } = this;
    const account = () => this.#account();
    const context: Omit<ZendeskStreamContext, 'failures'> & HeartbeatContext = {
      connectorId: this.connectorId,
      settings: deps.settings,
      metrics: deps.metrics,
      logger: deps.logger,
      sink: deps.sink,
      budget: this.#budget,
      waker: runtime.waker,
      get signal() {
        return runtime.signal;
      },
      get state() {
        return runtime.state;
      },
      get account() {
        return account();
      },
      now: () => deps.now(),
      txn: (step) => runtime.txn(step),
      context: () => this.#eventContext(),
      accountName: () => this.#accountNameOrSubdomain(),
      client: (stream) => this.#zendesk.client(stream),
      recollections: () => this.#view.recollections,
      emit: (state, type, data) => this.#emit(state, type, data),
      observe: (observation) => this.#observe(observation),
      tokenBlocked: () => this.#tokenBlocked(),
      tokenRefused: (message) => this.#tokenRefused(message),
      tokenWorks: () => this.#tokenWorks(),
    };
    return Object.assign(context, { failures: zendeskFailurePolicy(context) });
  }
}
