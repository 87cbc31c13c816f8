import { describe, expect, it } from 'vitest';
import { backfillRatio, budgetSummary, tokenSummary } from './connector-summary';
import { explainOutcome } from './oauth-outcome';
import { samplesOf } from './prometheus-text';
import { abilitiesFrom } from './scopes';
import { percent, statusText } from './status-text';

describe('console rules', () => {
  it('lets a valid key in by what it may read, and marks it read-only without the write scope', () => {
    expect(abilitiesFrom({ read: 'unauthenticated', write: 'forbidden', activities: 'forbidden' })).toEqual({
      ok: false,
      reason: 'INVALID_KEY',
    });
    expect(abilitiesFrom({ read: 'forbidden', write: 'forbidden', activities: 'forbidden' })).toEqual({
      ok: false,
      reason: 'NO_READ_SCOPE',
    });
    expect(abilitiesFrom({ read: 'allowed', write: 'forbidden', activities: 'allowed' })).toEqual({
      ok: true,
      abilities: { readConnectors: true, writeConnectors: false, readActivities: true },
    });
  });

  it('explains every failure the auth service names, with what to do', () => {
    for (const code of ['NOT_ADMIN', 'PLAN_NOT_SUPPORTED', 'ACCESS_DENIED', 'INVALID_CLIENT']) {
      const explained = explainOutcome(code);
      expect(explained.ok).toBe(false);
      expect(explained.whatToDo.length).toBeGreaterThan(20);
    }
    expect(explainOutcome('CONNECTED').ok).toBe(true);
    expect(explainOutcome('SOMETHING_NEW').title).toBe('Zendesk could not be connected');
  });

  it('says status in words and a symbol, whatever its colour', () => {
    expect(statusText('Connected')).toEqual({ tone: 'ok', symbol: '✓', label: 'Connected' });
    expect(statusText('authorization_failed').label).toBe('Authorization failed');
    expect(percent(0.456)).toBe('45 %');
    expect(percent(null)).toBe('unknown');
  });

  it('reports backfill as done once completed, else the slower capability', () => {
    expect(backfillRatio({ completedAt: 'x', users: { ratio: 0.1 }, audit_logs: { ratio: null } })).toBe(1);
    expect(backfillRatio({ completedAt: null, users: { ratio: 0.9 }, audit_logs: { ratio: 0.4 } })).toBe(0.4);
    expect(backfillRatio(undefined)).toBeNull();
    expect(tokenSummary({ expiresAt: null, refreshable: false, rotationDue: true })).toContain('rotation due');
  });

  it('reads outbox gauges from a Prometheus exposition', () => {
    const text =
      '# HELP zc_outbox_lag_events x\nzc_outbox_lag_events 3\nother 1\nzc_outbox_oldest_unpublished_age_seconds 0.5\n';
    expect(samplesOf(text, 'zc_outbox_')).toEqual([
      { name: 'zc_outbox_lag_events', value: '3' },
      { name: 'zc_outbox_oldest_unpublished_age_seconds', value: '0.5' },
    ]);
  });

  it('says the budget use in words and numbers, or that it is not reported yet', () => {
    const budget = { requestsInWindow: 150, limitPerWindow: 200, windowMs: 60_000, reportedAt: '2026-05-08T12:00:00Z' };
    expect(budgetSummary({ perMinute: 200, utilisation: 0.75, budget }, 100)).toBe(
      '75 % used: 150 of 200 requests in the last 60 s',
    );
    expect(budgetSummary({ perMinute: 200, utilisation: null, budget: null }, 100)).toBe(
      '200 requests/min; use not reported yet',
    );
    expect(budgetSummary(undefined, 100)).toBe('100 requests/min; use not reported yet');
  });
});
