import { describe, expect, it } from 'vitest';
import { initialState, type ConnectorState } from './connector-state';
import { tokenActionFor } from './token-policy';

const DAY = 86_400_000;
const state = (
  expiresAt: string | null,
  refreshable: boolean,
  issuedAt = '2026-05-08T12:00:00.000Z',
): ConnectorState => ({
  ...initialState(),
  status: 'authorized',
  token: {
    bundle: { keyId: 'k', iv: 'aQ==', ciphertext: 'aQ==', tag: 'aQ==' },
    metadata: { zendeskTokenId: 1, scopes: ['read'], expiresAt, refreshable },
    issuedAt,
    rotationDueRaised: false,
  },
});

describe('token policy', () => {
  it('refreshes once less than a quarter of the life or five minutes remain', () => {
    const s = state('2026-05-08T20:00:00.000Z', true); // 8 h life
    expect(tokenActionFor(s, '2026-05-08T17:00:00.000Z', 180 * DAY)).toEqual({ kind: 'none' });
    expect(tokenActionFor(s, '2026-05-08T18:01:00.000Z', 180 * DAY)).toEqual({ kind: 'refresh' });
    const short = state('2026-05-08T12:06:00.000Z', true); // 6 min life
    expect(tokenActionFor(short, '2026-05-08T12:01:30.000Z', 180 * DAY)).toEqual({ kind: 'refresh' });
  });

  it('flags legacy tokens after the rotation age and leaves unauthorized connectors alone', () => {
    const legacy = state(null, false);
    expect(tokenActionFor(legacy, '2026-06-08T12:00:00.000Z', 180 * DAY)).toEqual({ kind: 'none' });
    expect(tokenActionFor(legacy, '2026-11-05T12:00:00.000Z', 180 * DAY)).toEqual({ kind: 'rotation_due' });
    expect(tokenActionFor(initialState(), '2026-11-05T12:00:00.000Z', 180 * DAY)).toEqual({ kind: 'none' });
  });
});
