import { describe, expect, it } from 'vitest';
import type { AdminConnector, ConnectionTestRun } from '../api/types';
import { connectorPage } from './connector';
import { testSection } from './connector-status';

const admin = { lastTest: null, state: 'authorized', nextStep: 'Test now.' } as unknown as AdminConnector;
const run = (status: ConnectionTestRun['status'], checks: ConnectionTestRun['checks']): ConnectionTestRun => ({
  testId: 't1',
  connectorId: 'c1',
  status,
  ok: status === 'completed' ? true : null,
  startedAt: '2026-05-08T12:00:00.000Z',
  completedAt: status === 'completed' ? '2026-05-08T12:00:03.000Z' : null,
  checks,
});
const done = (name: string) => ({ name, state: 'done' as const, ok: true, message: `${name} ok`, durationMs: 5 });
const pending = (name: string) => ({ name, state: 'pending' as const });

describe('Test now on the connector page', () => {
  it('shows each check pending until its result is in, in words', () => {
    const section = testSection(admin, run('running', [done('token_valid'), pending('audit_log_access')]));
    expect(section).toContain('data-check="token_valid" data-state="done"');
    expect(section).toContain('data-check="audit_log_access" data-state="pending"');
    expect(section).toContain('waiting for its result');
    expect(section).toContain('Test running');
  });

  it('shows the completed run, or the last test when the page follows none', () => {
    expect(testSection(admin, run('completed', [done('token_valid')]))).toContain('Tested at');
    expect(testSection(admin, undefined)).toContain('No test yet');
  });

  it('reloads itself without scripts only while the test runs', () => {
    const context = { csrfToken: 'x', abilities: null, section: 'connectors' as const, pollIntervalMs: 2_000 };
    const page = (testRun: ConnectionTestRun) =>
      connectorPage(context, {
        admin: { ...admin, name: 'Acme', id: 'c1', redirectUrl: 'https://a/b', clientId: 'id', endpoint: 'a' },
        status: undefined,
        history: undefined,
        testRun,
        outcome: null,
        notice: null,
        errors: {},
      });
    expect(page(run('running', [pending('token_valid')]))).toContain(
      '<noscript><meta http-equiv="refresh" content="2" /></noscript>',
    );
    expect(page(run('completed', [done('token_valid')]))).not.toContain('http-equiv="refresh"');
  });
});
