import { describe, expect, it } from 'vitest';
import { SimState, createClock } from './sim-state';
import { createControl } from './control';

describe('control.updateAccount', () => {
  it('changes only the settings it is given', () => {
    const control = createControl(new SimState(createClock(() => 0)));
    control.createAccount({ subdomain: 'keep', plan: 'professional', rateLimitPerMinute: 50, latencyMs: 20 });
    control.updateAccount('keep', { tokenMode: 'expiring' });
    expect(control.getAccount('keep').settings).toMatchObject({
      plan: 'professional',
      rateLimitPerMinute: 50,
      latencyMs: 20,
      tokenMode: 'expiring',
    });
    control.setLatency('keep', 0);
    expect(control.getAccount('keep')).toMatchObject({
      rateLimit: 50,
      settings: { latencyMs: 0, plan: 'professional' },
    });
  });

  it('still validates the settings it is given', () => {
    const control = createControl(new SimState(createClock(() => 0)));
    control.createAccount({ subdomain: 'strict' });
    expect(() => control.updateAccount('strict', { latencyMs: -1 })).toThrow();
  });
});
