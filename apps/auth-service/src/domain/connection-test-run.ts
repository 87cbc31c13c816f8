import type { ConnectionCheck } from '@zc/contracts';

/** The checks of "Test now", in the order they run. */
export const CONNECTION_CHECKS = ['token_valid', 'admin_role', 'audit_log_access'] as const;

/** A check not done yet, or its result. */
export type CheckProgress = { name: string; state: 'pending' } | ({ state: 'done' } & ConnectionCheck);

/** One Test now while it runs and after: each check turns from pending to its result as it completes. */
export interface ConnectionTestRun {
  testId: string;
  connectorId: string;
  startedAt: string;
  /** Set when every check is done and ConnectionTested is recorded. */
  completedAt: string | null;
  checks: CheckProgress[];
}

/** A run no one finishes (its process ended mid-run) is reported as interrupted after this long. */
export const TEST_RUN_ABANDONED_AFTER_MS = 5 * 60_000;

export function startedRun(testId: string, connectorId: string, at: Date): ConnectionTestRun {
  return {
    testId,
    connectorId,
    startedAt: at.toISOString(),
    completedAt: null,
    checks: CONNECTION_CHECKS.map((name) => ({ name, state: 'pending' as const })),
  };
}

/** The run with one more check done (a check not in the plan is added at the end). */
export function withCheck(run: ConnectionTestRun, check: ConnectionCheck): ConnectionTestRun {
  const done = { state: 'done' as const, ...check };
  const known = run.checks.some((c) => c.name === check.name);
  return {
    ...run,
    checks: known ? run.checks.map((c) => (c.name === check.name ? done : c)) : [...run.checks, done],
  };
}

export const completedRun = (run: ConnectionTestRun, at: Date): ConnectionTestRun => ({
  ...run,
  completedAt: at.toISOString(),
});

export type TestRunStatus = 'running' | 'completed' | 'interrupted';

/** What an admin sees of a run: running, completed (with ok), or interrupted (never finished). */
export function runStatus(run: ConnectionTestRun, now: Date): { status: TestRunStatus; ok: boolean | null } {
  if (run.completedAt !== null) {
    return { status: 'completed', ok: run.checks.every((c) => c.state === 'done' && c.ok) };
  }
  const abandoned = now.getTime() - Date.parse(run.startedAt) > TEST_RUN_ABANDONED_AFTER_MS;
  return { status: abandoned ? 'interrupted' : 'running', ok: null };
}
