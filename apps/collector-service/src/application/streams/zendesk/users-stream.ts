import { toUserSnapshot, type UserData, type UserRecord } from '../../../domain/user';
import type { CollectionState } from '../../../domain/collection-state';
import { completeBackfillIfDone } from './backfill-completion';
import type { ZendeskStreamContext } from './stream-context';
import { guardedStep } from '../../runtime/stream-guard';

/**
 * Every user, then every change, through the one incremental user export: from start_time 0 it
 * returns all users Zendesk holds (end users, suspended and deleted ones included) at 1,000 a page,
 * ten times fewer requests than listing /api/v2/users at 100. Its own 10/min bucket waits in the
 * budget without holding an account grant, so the audit pages use the minutes it spends waiting.
 */
export async function runUsersStream(worker: ZendeskStreamContext): Promise<void> {
  const attempts = { n: 0 };
  while (!worker.signal.aborted) {
    const outcome = await guardedStep(worker, 'users', attempts, () => exportPass(worker));
    if (outcome === 'stop') return;
    const idle = worker.state.backfill.usersDone ? worker.settings.pollIntervalMs : 0;
    await worker.waker.wait(outcome.wait > 0 ? outcome.wait : idle);
  }
}

/** Publishes snapshots with the next user sequences; call inside txn. */
async function publishUsers(worker: ZendeskStreamContext, state: CollectionState, records: readonly UserRecord[]) {
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

/**
 * One walk of the export from the stored cursor to the end of the stream. The first walk starts at
 * start_time 0 and is the users backfill; after every page the cursor is checkpointed, so a crash
 * resumes at the page it stopped on (a user appearing twice is an upsert by id downstream).
 */
async function exportPass(worker: ZendeskStreamContext): Promise<void> {
  const { users } = worker.state;
  const start = users.incrementalCursor !== null ? { cursor: users.incrementalCursor } : { startTime: 0 };
  let pages = 0;
  for await (const page of worker.client('incremental_users').incrementalUsers(start, 1000)) {
    if (worker.signal.aborted) return;
    pages += 1;
    await worker.txn(async (before) => {
      const published = await publishUsers(worker, before, page.users);
      let next: CollectionState = {
        ...published.state,
        users: {
          ...published.state.users,
          fetched: published.state.users.fetched + published.count,
          incrementalCursor: page.after_cursor ?? published.state.users.incrementalCursor,
        },
      };
      if (next.backfill.usersDone) return next;
      const done = page.end_of_stream;
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
