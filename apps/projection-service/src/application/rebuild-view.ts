import type { PartitionLag } from '@zc/kafka';
import type { ViewName } from '../domain/view-names';

export interface RebuildProgress {
  phase: 'catching-up' | 'draining-after-switch' | 'done';
  consumed: number;
  total: number;
  /** Seconds left at the current rate; null until there is a rate. */
  etaSeconds: number | null;
}

/** What the rebuild needs from the views and from Kafka (adapters/rebuild-ports.ts). */
export interface RebuildPorts {
  aliases: {
    version(view: ViewName): Promise<number>;
    switchTo(view: ViewName, version: number, now: Date): Promise<void>;
  };
  /** Empties the view's collections of that version and gives them their indexes. */
  prepareVersion(view: ViewName, version: number): Promise<void>;
  /** Projects the view's topics from the beginning into that version, as a fresh consumer group. */
  startProjection(view: ViewName, version: number, groupId: string): Promise<{ stop(): Promise<void> }>;
  /** The group's lag over the view's topics. */
  lag(groupId: string, view: ViewName): Promise<PartitionLag[]>;
  /** The end offsets of the view's topics now, per `topic/partition`. */
  endOffsets(view: ViewName): Promise<Map<string, number>>;
}

export interface RebuildOptions extends RebuildPorts {
  view: ViewName;
  now: () => Date;
  onProgress?: (progress: RebuildProgress) => void;
  pollIntervalMs?: number;
}

export interface RebuildResult {
  view: ViewName;
  fromVersion: number;
  toVersion: number;
  groupId: string;
  events: number;
}

const sum = (rows: PartitionLag[], pick: (row: PartitionLag) => number) =>
  rows.reduce((total, row) => total + pick(row), 0);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Blue-green rebuild: projects the view's topics from the beginning, with a fresh consumer group, into
 * the next version of its collections; once caught up it switches the alias (the API and the live
 * consumer follow at their next read), then drains to the end offsets taken after the switch, so
 * whatever the live consumer wrote to the old version meanwhile is in the new one too.
 */
export async function rebuildView(options: RebuildOptions): Promise<RebuildResult> {
  const { view, aliases } = options;
  const fromVersion = await aliases.version(view);
  const toVersion = fromVersion + 1;
  await options.prepareVersion(view, toVersion);

  const groupId = `projection-rebuild-${view}-v${String(toVersion)}-${String(options.now().getTime())}`;
  const runner = await options.startProjection(view, toVersion, groupId);
  const startedAt = Date.now();
  const lag = () => options.lag(groupId, view);
  const report = (phase: RebuildProgress['phase'], rows: PartitionLag[], ends?: Map<string, number>) => {
    const total = sum(
      rows,
      (row) => (ends?.get(`${row.topic}/${String(row.partition)}`) ?? row.highWatermark) - row.lowWatermark,
    );
    const remaining = sum(rows, (row) =>
      Math.max(
        0,
        (ends?.get(`${row.topic}/${String(row.partition)}`) ?? row.highWatermark) -
          Math.max(row.committedOffset, row.lowWatermark),
      ),
    );
    const consumed = total - remaining;
    const rate = consumed / Math.max(0.001, (Date.now() - startedAt) / 1_000);
    options.onProgress?.({ phase, consumed, total, etaSeconds: rate > 0 ? remaining / rate : null });
    return remaining;
  };
  try {
    for (;;) {
      if (report('catching-up', await lag()) === 0) break;
      await wait(options.pollIntervalMs ?? 500);
    }
    await aliases.switchTo(view, toVersion, options.now());
    // Anything the live consumer fetched before it saw the switch is below these offsets.
    const ends = await options.endOffsets(view);
    for (;;) {
      if (report('draining-after-switch', await lag(), ends) === 0) break;
      await wait(options.pollIntervalMs ?? 500);
    }
    const rows = await lag();
    report('done', rows, ends);
    return { view, fromVersion, toVersion, groupId, events: sum(rows, (row) => row.highWatermark - row.lowWatermark) };
  } finally {
    await runner.stop();
  }
}
