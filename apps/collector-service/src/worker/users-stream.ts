import { toUserSnapshot, type UserData, type UserRecord } from '../domain/user';
import type { CollectionState } from '../domain/collection-state';
import { completeBackfillIfDone } from './backfill-completion';
import type { ConnectorWorker } from './connector-worker';
import { guardedStep } from './stream-guard';

/** Every user by the cursor listing, then changes by the incremental export, each poll. */
export async function runUsersStream(worker: ConnectorWorker): Promise<void> {
  const attempts = { n: 0 };
  while (!worker.signal.aborted) {
    const outcome = await guardedStep(worker, 'users', attempts, () =>
      worker.state.backfill.usersDone ? incrementalPass(worker) : listingBackfill(worker),
    );
    if (outcome === 'stop') return;
    const idle = worker.state.backfill.usersDone ? worker.settings.pollIntervalMs : 0;
    await worker.waker.wait(outcome.wait > 0 ? outcome.wait : idle);
  }
}

/** Publishes snapshots with the next user sequences; call inside txn. */
async function publishUsers(worker: ConnectorWorker, state: CollectionState, records: readonly UserRecord[]) {
  const snapshots = records
    .map((record) => toUserSnapshot(record, worker.account))
    .filter((snapshot): snapshot is UserData => snapshot !== null);
  const first = state.sequences.users;
  if (snapshots.length > 0) {
    await worker.sink.users(
      worker.context(),
      snapshots.map((data, index) => ({ sequence: first + index, data })),
    );
  }
  return {
    count: snapshots.length,
    state: { ...state, sequences: { ...state.sequences, users: first + snapshots.length } },
  };
}

async function listingBackfill(worker: ConnectorWorker): Promise<void> {
  let pages = 0;
  while (!worker.state.backfill.usersDone && !worker.signal.aborted) {
    const page = await worker.usersPage(worker.state.users.afterCursor);
    pages += 1;
    await worker.txn(async (before) => {
      const published = await publishUsers(worker, before, page.users);
      let next: CollectionState = {
        ...published.state,
        users: {
          ...published.state.users,
          afterCursor: page.afterCursor ?? published.state.users.afterCursor,
          fetched: published.state.users.fetched + published.count,
        },
      };
      const done = !page.hasMore;
      if (done) next = { ...next, backfill: { ...next.backfill, usersDone: true } };
      if (done || pages % worker.settings.progressEveryPages === 0) {
        next = await worker.emit(next, 'BackfillProgressed', {
          resource: 'users',
          itemsFetched: next.users.fetched,
          coveredUntil: null,
        });
      }
      return done ? completeBackfillIfDone(worker, next) : next;
    });
  }
}

async function incrementalPass(worker: ConnectorWorker): Promise<void> {
  const { users } = worker.state;
  const nowSeconds = Math.floor(worker.now() / 1000);
  // Zendesk refuses a start_time less than a minute old; reaching back further only repeats snapshots.
  const start =
    users.incrementalCursor !== null
      ? { cursor: users.incrementalCursor }
      : { startTime: Math.min(users.incrementalStartTime - 60, nowSeconds - 65) };
  for await (const page of worker.client('incremental_users').incrementalUsers(start, 1000)) {
    if (worker.signal.aborted) return;
    await worker.txn(async (before) => {
      const published = await publishUsers(worker, before, page.users);
      return {
        ...published.state,
        users: {
          ...published.state.users,
          incrementalCursor: page.after_cursor ?? published.state.users.incrementalCursor,
        },
      };
    });
  }
}
