import { describe, expect, it } from 'vitest';
import { decideHealth, healthyState, type Observation } from './capability-health';

const fail = (code: 'TOKEN_INVALID' | 'RATE_LIMITED' | 'ADMIN_DEMOTED', capability = 'audit_logs' as const) =>
  ({ capability, ok: false, code, message: code, retryAt: null }) as Observation;

describe('decideHealth', () => {
  it('reports a failure that needs a human at once, and only once', () => {
    const first = decideHealth(healthyState(), fail('ADMIN_DEMOTED'), 3);
    expect(first.events).toEqual([
      {
        type: 'CapabilityFailed',
        data: { capability: 'audit_logs', code: 'ADMIN_DEMOTED', message: 'ADMIN_DEMOTED', retryAt: null },
      },
    ]);
    expect(decideHealth(first.state, fail('ADMIN_DEMOTED'), 3).events).toEqual([]);
  });

  it('reports throttling only when it persists', () => {
    let state = healthyState();
    const emitted: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const result = decideHealth(state, fail('RATE_LIMITED'), 3);
      state = result.state;
      emitted.push(...result.events.map((e) => e.type));
    }
    expect(emitted).toEqual(['CapabilityFailed']);
  });

  it('recovers with the code that cleared, and says nothing when an unreported blip passes', () => {
    const failed = decideHealth(healthyState(), fail('TOKEN_INVALID', 'token' as never), 3).state;
    expect(decideHealth(failed, { capability: 'token', ok: true }, 3).events).toEqual([
      { type: 'CapabilityRecovered', data: { capability: 'token', code: 'TOKEN_INVALID' } },
    ]);
    const blip = decideHealth(healthyState(), fail('RATE_LIMITED'), 3).state;
    const after = decideHealth(blip, { capability: 'audit_logs', ok: true }, 3);
    expect(after.events).toEqual([]);
    expect(after.state.audit_logs).toEqual({ failing: null, consecutive: 0 });
  });
});
