/** Share (0–1) of a backfill window covered once the walk has reached `coveredUntil`. */
export function coveredRatio(window: { from: number; to: number }, coveredUntil: number): number {
  const span = window.to - window.from;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (coveredUntil - window.from) / span));
}

/** Epoch seconds as the ISO instant events carry. */
export const isoOfSeconds = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');

export const isoOfMs = (ms: number): string => new Date(ms).toISOString();
