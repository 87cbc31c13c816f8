/** A position in an ordered collection: primary sort value, then id as the tie-breaker. */
export interface Key {
  readonly t: number;
  readonly id: number;
}

export function compareKeys(a: Key, b: Key): number {
  return a.t === b.t ? a.id - b.id : a.t - b.t;
}

/** Cursors are opaque to clients; base64url keeps them safe in query strings. */
export function encodeCursor(key: Key): string {
  return btoa(`${key.t}:${key.id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): Key | null {
  try {
    const text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const match = /^(-?\d+):(-?\d+)$/.exec(text);
    if (!match) return null;
    return { t: Number(match[1]), id: Number(match[2]) };
  } catch {
    return null;
  }
}

/** First index whose element's key is >= key (or > key when `strict`). */
export function lowerBound<T>(items: readonly T[], key: Key, keyOf: (item: T) => Key, strict = false): number {
  return searchSorted(items.length, (index) => compareKeys(keyOf(items[index] as T), key), strict);
}

/** Binary search by position: `compareAt(i)` orders element i against the key sought. */
export function searchSorted(length: number, compareAt: (index: number) => number, strict = false): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const cmp = compareAt(mid);
    if (cmp < 0 || (strict && cmp === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
