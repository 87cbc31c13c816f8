/** Milliseconds on a monotonic-enough timeline; injected so tests never sleep. */
export type Clock = () => number;

/** Waits `ms`; may resolve early when `signal` aborts (a real one should clear its timer then). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export type TakeResult = { granted: true } | { granted: false; waitMs: number };

export const GRANTED: TakeResult = Object.freeze({ granted: true });

export const wait = (waitMs: number): TakeResult => ({ granted: false, waitMs: Math.max(1, Math.ceil(waitMs)) });

export const assertPositiveInteger = (name: string, value: number): void => {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
};
