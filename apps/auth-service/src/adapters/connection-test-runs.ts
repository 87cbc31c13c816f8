import type { Db } from '@zc/mongo';
import type { ConnectionTestRuns } from '../application/ports/connection-test-runs';
import type { ConnectionTestRun } from '../domain/connection-test-run';

type RunDocument = ConnectionTestRun & { _id: string };

/**
 * Test now runs by test id (`connection_tests`): each run is written whole by `_id` as its checks complete,
 * by the one task that runs it, so no write needs to be conditional. Runs are small and kept as a record.
 */
export function createConnectionTestRuns(db: Db): ConnectionTestRuns {
  const runs = db.collection<RunDocument>('connection_tests');
  return {
    async save(run) {
      await runs.replaceOne({ _id: run.testId }, run, { upsert: true });
    },
    async find(testId) {
      const found = await runs.findOne({ _id: testId });
      if (found === null) return null;
      const { _id: _unused, ...run } = found;
      return run;
    },
  };
}
