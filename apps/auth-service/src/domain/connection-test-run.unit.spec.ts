import { describe, expect, it } from 'vitest';
import { completedRun, runStatus, startedRun, withCheck } from './connection-test-run';

const at = new Date('2026-05-08T12:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);

describe('a Test now run', () => {
  it('starts with every check pending and turns them done one by one', () => {
    let run = startedRun('t1', 'c1', at);
    expect(run.checks.map((c) => c.state)).toEqual(['pending', 'pending', 'pending']);
    run = withCheck(run, { name: 'token_valid', ok: true, message: 'ok', durationMs: 12 });
    expect(run.checks.map((c) => `${c.name}:${c.state}`)).toEqual([
      'token_valid:done',
      'admin_role:pending',
      'audit_log_access:pending',
    ]);
    expect(runStatus(run, later(1_000))).toEqual({ status: 'running', ok: null });
  });

  it('is ok once completed with every check passed, not ok when one failed', () => {
    const passed = ['token_valid', 'admin_role', 'audit_log_access'].reduce(
      (run, name) => withCheck(run, { name, ok: true, message: 'ok', durationMs: 1 }),
      startedRun('t1', 'c1', at),
    );
    expect(runStatus(completedRun(passed, later(10)), later(20))).toEqual({ status: 'completed', ok: true });
    const failed = withCheck(passed, {
      name: 'admin_role',
      ok: false,
      code: 'NOT_ADMIN',
      message: 'no',
      durationMs: 0,
    });
    expect(runStatus(completedRun(failed, later(10)), later(20))).toEqual({ status: 'completed', ok: false });
  });

  it('adds a check it did not plan, and reports a run nobody finished as interrupted', () => {
    const run = withCheck(startedRun('t1', 'c1', at), { name: 'extra', ok: true, message: 'ok', durationMs: 1 });
    expect(run.checks.at(-1)).toMatchObject({ name: 'extra', state: 'done' });
    expect(runStatus(run, later(6 * 60_000)).status).toBe('interrupted');
  });
});
