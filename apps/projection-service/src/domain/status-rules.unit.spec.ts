import { describe, expect, it } from 'vitest';
import { deriveStatus, describeStatus, type StatusInputs } from './status-rules';

const live: StatusInputs = {
  lifecycle: 'authorized',
  authFailureReason: null,
  collectionStarted: true,
  stalled: false,
  failing: {},
};

describe('status rules', () => {
  it.each<[string, Partial<StatusInputs>, string, string]>([
    ['nothing known yet', { lifecycle: 'unknown' }, 'Pending', 'NOT_AUTHORIZED'],
    ['registered only', { lifecycle: 'registered' }, 'Pending', 'NOT_AUTHORIZED'],
    ['consent pending', { lifecycle: 'authorizing' }, 'Authorizing', 'AWAITING_CONSENT'],
    ['authorized, collection not started', { collectionStarted: false }, 'Pending', 'COLLECTION_NOT_STARTED'],
    ['authorized and collecting', {}, 'Connected', 'COLLECTING'],
    ['audit logs rate limited', { failing: { audit_logs: 'RATE_LIMITED' } }, 'Degraded', 'RATE_LIMITED'],
    ['users failing', { failing: { users: 'UPSTREAM_ERROR' } }, 'Degraded', 'UPSTREAM_ERROR'],
    [
      'every data capability failing',
      { failing: { users: 'UPSTREAM_ERROR', audit_logs: 'PLAN_NOT_SUPPORTED' } },
      'Error',
      'PLAN_NOT_SUPPORTED',
    ],
    ['token invalid', { failing: { token: 'TOKEN_INVALID' } }, 'Error', 'TOKEN_INVALID'],
    ['collector silent past its bound', { stalled: true }, 'Degraded', 'COLLECTION_STALLED'],
    [
      'a stall outranks what the silent collector last reported',
      { stalled: true, failing: { audit_logs: 'RATE_LIMITED' } },
      'Degraded',
      'COLLECTION_STALLED',
    ],
    [
      'a refused token outranks a stall',
      { stalled: true, failing: { token: 'TOKEN_INVALID' } },
      'Error',
      'TOKEN_INVALID',
    ],
    [
      'authorization failed',
      { lifecycle: 'authorization_failed', authFailureReason: 'INVALID_GRANT' },
      'Error',
      'INVALID_GRANT',
    ],
    [
      'disconnected beats failures',
      { lifecycle: 'disconnected', failing: { token: 'TOKEN_INVALID' } },
      'Disconnected',
      'DISCONNECTED',
    ],
  ])('%s', (_name, overrides, status, reason) => {
    expect(deriveStatus({ ...live, ...overrides })).toEqual({ status, reason });
  });

  it('explains a degraded connector: what fails, why, and what still works', () => {
    const inputs: StatusInputs = { ...live, failing: { audit_logs: 'RATE_LIMITED' } };
    const message = describeStatus(deriveStatus(inputs), inputs);
    expect(message).toContain('Audit logs cannot be collected');
    expect(message).toContain('rate limiting');
    expect(message).toContain('Collection of users continues');
  });

  it('says a connector whose grant was revoked needs reconnecting', () => {
    const inputs: StatusInputs = { ...live, lifecycle: 'authorization_failed', authFailureReason: 'INVALID_GRANT' };
    expect(describeStatus(deriveStatus(inputs), inputs)).toMatch(/needs reconnecting/);
  });
});
