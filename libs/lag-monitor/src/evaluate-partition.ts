import type { CommitPoint, PartitionHistory } from './partition-history';
import type { PartitionStatus } from './status';

/**
 * Burrow's rules for one partition, judged over its window of commits rather than a lag threshold:
 * current lag within `allowedLag` is OK outright; otherwise STOP, REWIND, stuck since last caught up (STALL),
 * zero lag anywhere in the window (OK), STALL, WARN, first match wins.
 *
 * Deliberate departure from Burrow's code, which checks zero lag first: STOP comes first and is measured
 * from the later of the last commit and the last moment without lag. A consumer that dies while caught up
 * leaves only zero-lag commits in its window, which Burrow would keep calling OK while the producer runs
 * on. REWIND likewise holds only until the partition has been caught up since the drop.
 */
export function evaluatePartition(history: PartitionHistory, now: number, allowedLag: number): PartitionStatus {
  const latest = history.samples.at(-1);
  if (!latest || latest.lag <= allowedLag) return 'OK';
  const { commits } = history;
  const first = commits[0];
  const last = commits.at(-1);
  // Nothing to judge yet (the lag is still reported); an uncommitted partition behind gets a commit point
  // from its first poll on (see partition-history), so this lasts one poll at most.
  if (!first || !last) return 'OK';

  const behindSince = Math.max(last.at, lastCaughtUpAt(history, allowedLag) ?? -Infinity);
  if (now - behindSince > last.at - first.at) return 'STOP';

  const rewoundAt = lastRewind(commits);
  if (rewoundAt !== undefined && !caughtUpSince(history, rewoundAt, allowedLag)) return 'REWIND';

  if (stuckSinceCaughtUp(history, allowedLag)) return 'STALL';
  if (caughtUpSince(history, first.at, allowedLag)) return 'OK';
  // One commit shows no trend; Burrow would call it STALL, which only means "too early to tell".
  if (commits.length < 2) return 'OK';
  if (commits.every((commit) => commit.offset === first.offset)) return 'STALL';
  if (lagNeverDecreases(commits)) return 'WARN';
  return 'OK';
}

/** When the partition was last seen without lag, by a poll or at a commit. */
function lastCaughtUpAt(history: PartitionHistory, allowedLag: number): number | undefined {
  const times = [...history.samples, ...history.commits].filter((p) => p.lag <= allowedLag).map((p) => p.at);
  return times.length === 0 ? undefined : Math.max(...times);
}

function caughtUpSince(history: PartitionHistory, since: number, allowedLag: number): boolean {
  const caughtUpAt = lastCaughtUpAt(history, allowedLag);
  return caughtUpAt !== undefined && caughtUpAt >= since;
}

/**
 * Departure from Burrow's "zero lag anywhere in the window is OK": that zero only says the producer was idle
 * back then. Once the latest two commits since the partition was last caught up repeat one offset while
 * behind, the consumer is committing without moving (a livelocked or blocked partition), whatever came before.
 */
function stuckSinceCaughtUp(history: PartitionHistory, allowedLag: number): boolean {
  const caughtUpAt = lastCaughtUpAt(history, allowedLag);
  if (caughtUpAt === undefined) return false;
  const [before, last] = history.commits.slice(-2);
  return before !== undefined && last !== undefined && before.at > caughtUpAt && before.offset === last.offset;
}

/** The time of the latest commit below its predecessor: an offset reset (or a consumer replaying). */
function lastRewind(commits: readonly CommitPoint[]): number | undefined {
  let rewoundAt: number | undefined;
  for (let i = 1; i < commits.length; i += 1) {
    const before = commits[i - 1];
    const after = commits[i];
    if (before && after && after.offset < before.offset) rewoundAt = after.at;
  }
  return rewoundAt;
}

/** Burrow's WARN: offsets move, yet between no two commits did the lag go down (the consumer is too slow). */
function lagNeverDecreases(commits: readonly CommitPoint[]): boolean {
  return commits.every((commit, i) => {
    const before = commits[i - 1];
    return !before || commit.lag >= before.lag;
  });
}
