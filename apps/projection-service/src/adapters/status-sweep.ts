import { clearIntervalAsync, setIntervalAsync } from 'set-interval-async';
import type { MongoHandle } from '@zc/mongo';
import type { StatusTransition } from '../domain/status-view';
import { sweepStatuses } from './status-store';
import { statusCollections, type ViewAliases } from './view-collections';

export interface StatusSweepOptions {
  mongo: MongoHandle;
  aliases: ViewAliases;
  intervalMs: number;
  now: () => Date;
  onTransitions?: (transitions: readonly StatusTransition[]) => void;
  log: { info(fields: object, message: string): void; error(fields: object, message: string): void };
}

/**
 * Staleness is a function of time, not of any event: a dead collector sends nothing. This timer stores
 * what the status API already shows on read, so history and the status gauge record the stall too.
 */
export function startStatusSweep(options: StatusSweepOptions) {
  const runOnce = async (): Promise<StatusTransition[]> => {
    const collections = statusCollections(options.mongo, await options.aliases.version('status'));
    const transitions = await sweepStatuses(collections, options.now());
    for (const t of transitions) {
      options.log.info({ connectorId: t.connectorId, from: t.from, to: t.to, reason: t.reason }, 'status changed');
    }
    if (transitions.length > 0) options.onTransitions?.(transitions);
    return transitions;
  };
  // One pass at a time (the next starts an interval after the last began, or when it ends); stop awaits it.
  const timer = setIntervalAsync(async () => {
    await runOnce().catch((error: unknown) =>
      options.log.error({ err: error }, 'status sweep failed; retrying next interval'),
    );
  }, options.intervalMs);
  return { runOnce, stop: () => clearIntervalAsync(timer) };
}
