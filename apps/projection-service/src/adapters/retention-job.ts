import { clearIntervalAsync, setIntervalAsync } from 'set-interval-async';
import type { MongoHandle } from '@zc/mongo';
import { deleteActivitiesBefore } from './activity-store';
import { activityCollections, type ViewAliases } from './view-collections';

export interface RetentionJobOptions {
  mongo: MongoHandle;
  aliases: ViewAliases;
  retentionMs: number;
  intervalMs: number;
  now: () => Date;
  log: { info(fields: object, message: string): void; error(fields: object, message: string): void };
}

/** FerretDB has no TTL indexes: a timer deletes activities older than the retention from the live version. */
export function startRetentionJob(options: RetentionJobOptions) {
  const runOnce = async (): Promise<number> => {
    const cutoff = new Date(options.now().getTime() - options.retentionMs);
    const collections = activityCollections(options.mongo, await options.aliases.version('activities'));
    const deleted = await deleteActivitiesBefore(collections, cutoff);
    if (deleted > 0) options.log.info({ deleted, cutoff: cutoff.toISOString() }, 'activity retention applied');
    return deleted;
  };
  // One pass at a time (the next starts an interval after the last began, or when it ends); stop awaits it.
  const timer = setIntervalAsync(async () => {
    await runOnce().catch((error: unknown) =>
      options.log.error({ err: error }, 'activity retention failed; retrying next interval'),
    );
  }, options.intervalMs);
  return { runOnce, stop: () => clearIntervalAsync(timer) };
}
