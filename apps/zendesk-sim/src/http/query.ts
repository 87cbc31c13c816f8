/** Bracketed keys like `filter[created_at][]` arrive as one string or, when repeated, an array. */
export type Query = Record<string, string | string[] | undefined>;

export function values(query: Query, ...keys: string[]): string[] {
  return keys.flatMap((key) => {
    const value = query[key];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  });
}

export function first(query: Query, ...keys: string[]): string | undefined {
  return values(query, ...keys)[0];
}

/** Non-negative integer or undefined when absent; NaN signals a malformed value. */
export function intParam(query: Query, key: string): number | undefined {
  const raw = first(query, key);
  if (raw === undefined) return undefined;
  return /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

/** Rebuilds a link on the public Zendesk origin, as real `links.next` values are absolute. */
export function zendeskUrl(subdomain: string, path: string, params: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  }
  const qs = search.toString();
  return `https://${subdomain}.zendesk.com${path}${qs ? `?${qs}` : ''}`;
}
