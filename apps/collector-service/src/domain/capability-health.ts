import type { Capability, CapabilityFailureCode } from '@zc/contracts';

export interface CapabilityHealth {
  /** The failure last reported for the capability, or null while it works. */
  readonly failing: CapabilityFailureCode | null;
  /** Failures in a row, reported or not. */
  readonly consecutive: number;
}

export type HealthState = Readonly<Record<Capability, CapabilityHealth>>;

export const healthyState = (): HealthState => ({
  users: { failing: null, consecutive: 0 },
  audit_logs: { failing: null, consecutive: 0 },
  token: { failing: null, consecutive: 0 },
});

export type Observation =
  | { readonly capability: Capability; readonly ok: true }
  | {
      readonly capability: Capability;
      readonly ok: false;
      readonly code: CapabilityFailureCode;
      readonly message: string;
      readonly retryAt: string | null;
    };

export type HealthEvent =
  | {
      readonly type: 'CapabilityFailed';
      readonly data: {
        capability: Capability;
        code: CapabilityFailureCode;
        message: string;
        retryAt: string | null;
      };
    }
  | { readonly type: 'CapabilityRecovered'; readonly data: { capability: Capability; code: CapabilityFailureCode } };

/**
 * Throttling and upstream hiccups are normal and retried; they become a reported failure only when
 * they persist. What needs a human (token, role, plan) is reported at once.
 */
const TRANSIENT: ReadonlySet<CapabilityFailureCode> = new Set(['RATE_LIMITED', 'UPSTREAM_ERROR']);

export function decideHealth(
  state: HealthState,
  observation: Observation,
  persistAfter: number,
): { state: HealthState; events: HealthEvent[] } {
  const current = state[observation.capability];
  if (observation.ok) {
    if (current.failing === null && current.consecutive === 0) return { state, events: [] };
    const events: HealthEvent[] =
      current.failing === null
        ? []
        : [{ type: 'CapabilityRecovered', data: { capability: observation.capability, code: current.failing } }];
    return { state: { ...state, [observation.capability]: { failing: null, consecutive: 0 } }, events };
  }
  const consecutive = current.consecutive + 1;
  const threshold = TRANSIENT.has(observation.code) ? persistAfter : 1;
  const report = consecutive >= threshold && current.failing !== observation.code;
  const failing = report ? observation.code : current.failing;
  const events: HealthEvent[] = report
    ? [
        {
          type: 'CapabilityFailed',
          data: {
            capability: observation.capability,
            code: observation.code,
            message: observation.message,
            retryAt: observation.retryAt,
          },
        },
      ]
    : [];
  return { state: { ...state, [observation.capability]: { failing, consecutive } }, events };
}
