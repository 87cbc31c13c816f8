import { silentLogger, type KafkaLogger, type LagReads } from '@zc/kafka';
import { LagMonitor, type Clock, type LagReading, type LagReport } from '@zc/lag-monitor';
import { activeGroups, listedGroups } from './group-activity';
import { LagSamplerConfig, type LagSamplerConfigInput } from './sampler-config';

export interface LagSamplerOptions extends LagSamplerConfigInput {
  /** A connected `ClusterAdmin` from @zc/kafka (or any `LagReads`); the sampler never disconnects it. */
  cluster: LagReads;
  clock?: Clock;
  logger?: KafkaLogger;
}

/** What one poll managed: the groups read, and those whose read failed (still reported from history). */
export interface SampleOutcome {
  at: number;
  read: string[];
  failed: string[];
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Polls committed offsets and watermarks every `intervalMs` into a Burrow-style LagMonitor. Kafka keeps
 * a stopped group's offsets, so the sampler keeps reading the groups it was told about whether or not
 * anyone consumes: a dead consumer shows as growing lag and STOP instead of vanishing from dashboards.
 */
export class LagSampler {
  readonly config: LagSamplerConfig;
  readonly monitor: LagMonitor;
  readonly #cluster: LagReads;
  readonly #clock: Clock;
  readonly #logger: KafkaLogger;
  readonly #lastSuccess = new Map<string, number>();
  #latest: LagReport;
  #samples = 0;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #inFlight: Promise<unknown> = Promise.resolve();

  constructor({ cluster, clock = Date.now, logger = silentLogger, ...config }: LagSamplerOptions) {
    this.config = LagSamplerConfig.parse(config);
    this.monitor = new LagMonitor({ ...this.config.window, clock });
    this.#cluster = cluster;
    this.#clock = clock;
    this.#logger = logger;
    this.#latest = this.monitor.report();
  }

  /** Samples at once, then every `intervalMs` measured from the end of the previous poll (never overlapping). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    const tick = (): void => {
      this.#inFlight = this.sample()
        .catch((error: unknown) => {
          this.#logger.warn({ err: describe(error) }, 'lag sample failed');
        })
        .finally(() => {
          // The timer must not keep a process alive whose server has already closed.
          if (this.#running) this.#timer = setTimeout(tick, this.config.intervalMs).unref();
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#inFlight;
  }

  /** One poll: reads every group independently, so one group's failure does not blind the others. */
  async sample(): Promise<SampleOutcome> {
    const groups = await this.#groupsToRead();
    // Without membership an unmoving offset would read as STOP; rather skip the poll than guess.
    const active = await activeGroups(this.#cluster, groups);
    const at = this.#clock();
    const results = await Promise.allSettled(groups.map((group) => this.#cluster.consumerLag([group])));
    const readings: LagReading[] = [];
    const outcome: SampleOutcome = { at, read: [], failed: [] };
    results.forEach((result, i) => {
      const group = groups[i] ?? '';
      if (result.status === 'rejected') {
        outcome.failed.push(group);
        this.#logger.warn({ group, err: describe(result.reason) }, 'could not read consumer group offsets');
        return;
      }
      outcome.read.push(group);
      this.#lastSuccess.set(group, at);
      readings.push(...result.value.map((row) => ({ ...row, consumerActive: active.has(group) })));
    });
    this.monitor.observe(readings, at);
    this.#latest = this.monitor.report();
    this.#samples += 1;
    return outcome;
  }

  /** The report evaluated at the latest poll, optionally narrowed to one group. */
  report(group?: string): LagReport {
    if (group === undefined) return this.#latest;
    return { ...this.#latest, groups: this.#latest.groups.filter((g) => g.group === group) };
  }

  /** Polls completed so far; a progress signal for readiness checks and tests. */
  get samples(): number {
    return this.#samples;
  }

  /** When each group's offsets were last read successfully (ms on the sampler's clock). */
  lastSuccess(): ReadonlyMap<string, number> {
    return this.#lastSuccess;
  }

  /** Groups the sampler must watch that have never committed: Burrow's NOTFOUND. */
  notFoundGroups(): string[] {
    const reported = new Set(this.#latest.groups.map((g) => g.group));
    return this.#configuredGroups().filter((group) => !reported.has(group));
  }

  #configuredGroups(): string[] {
    return [...new Set([...this.config.groups, ...this.config.extraGroups])];
  }

  async #groupsToRead(): Promise<string[]> {
    const groups = new Set([...this.#configuredGroups(), ...this.monitor.groupIds()]);
    if (this.config.discoverGroups) {
      // Discovery is a bonus: when listing fails, the configured groups are still worth reading.
      const listed = await listedGroups(this.#cluster).catch((error: unknown) => {
        this.#logger.warn({ err: describe(error) }, 'could not list consumer groups');
        return [];
      });
      for (const group of listed) groups.add(group);
    }
    return [...groups].sort();
  }
}
