/** Normalises an ISO instant (any offset) to UTC `Z` form, so stored instants compare as strings. */
export function utc(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString();
}

/** The later of two instants; null counts as "never". */
export function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}

/** True when `instant` is strictly after `reference`; anything is after "never". */
export function isAfter(instant: string, reference: string | null): boolean {
  return reference === null || instant > reference;
}
