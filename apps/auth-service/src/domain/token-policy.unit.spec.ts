import type { TokenMetadata } from '@zc/contracts';
import { describe, expect, it } from 'vitest';
import { initialState, type ConnectorState } from './connector-state';
import { tokenActionFor } from './token-policy';

const state = (metadata: Partial<TokenMetadata>, issuedAt = '2026-05-08T12:00:00.000Z'): ConnectorState => ({
  ...initialState(),
  status: 'authorized',
  token: {
    bundle: { keyId: 'k', iv: 'aQ==', ciphertext: 'aQ==', tag: 'aQ==' },
    metadata: { providerTokenId: 1, scopes: ['read'], expiresAt: null, refreshable: false, ...metadata },
    issuedAt,
    rotationDueRaised: false,
  },
});

describe('token policy', () => {
  it('refreshes once less than a quarter of the life or five minutes remain', () => {
    const s = state({ expiresAt: '2026-05-08T20:00:00.000Z', refreshable: true, rotationDueAt: null }); // 8 h life
    expect(tokenActionFor(s, '2026-05-08T17:00:00.000Z')).toEqual({ kind: 'none' });
    expect(tokenActionFor(s, '2026-05-08T18:01:00.000Z')).toEqual({ kind: 'refresh' });
    const short = state({ expiresAt: '2026-05-08T12:06:00.000Z', refreshable: true }); // 6 min life
    expect(tokenActionFor(short, '2026-05-08T12:01:30.000Z')).toEqual({ kind: 'refresh' });
  });

  it('flags a token once its recorded rotation time has come, refresh token or not', () => {
    for (const refreshable of [false, true]) {
      const legacy = state({ refreshable, rotationDueAt: '2026-06-07T12:00:00.000Z' });
      expect(tokenActionFor(legacy, '2026-06-07T11:59:00.000Z')).toEqual({ kind: 'none' });
      expect(tokenActionFor(legacy, '2026-06-07T12:00:00.000Z')).toEqual({ kind: 'rotation_due' });
    }
    expect(tokenActionFor(initialState(), '2026-11-05T12:00:00.000Z')).toEqual({ kind: 'none' });
  });

  it('reads a token recorded without the decision at the default age, and flags nothing twice', () => {
    const older = state({});
    expect(tokenActionFor(older, '2026-11-04T11:59:00.000Z')).toEqual({ kind: 'none' });
    expect(tokenActionFor(older, '2026-11-04T12:00:00.000Z')).toEqual({ kind: 'rotation_due' });
    const raised = { ...older, token: older.token && { ...older.token, rotationDueRaised: true } };
    expect(tokenActionFor(raised, '2026-11-05T12:00:00.000Z')).toEqual({ kind: 'none' });
  });
});
