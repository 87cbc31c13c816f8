import type { ConnectionTestRun } from '../../domain/connection-test-run';

/** Where a Test now's progress is kept while it runs, so any request can read it by its id. */
export interface ConnectionTestRuns {
  save(run: ConnectionTestRun): Promise<void>;
  find(testId: string): Promise<ConnectionTestRun | null>;
}
