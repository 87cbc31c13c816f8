/** Zendesk timestamps are second precision with a `Z` suffix (reference §6). */
export function toZendeskTime(epochSeconds: number): string {
  // toISOString always ends in `.sssZ`; slicing is several times cheaper than a regex per entry.
  return `${new Date(epochSeconds * 1000).toISOString().slice(0, -5)}Z`;
}

/** Accepts ISO-8601 (with or without millis/offset) or unix seconds; null when unparseable. */
export function parseTimeToSeconds(value: string): number | null {
  if (/^\d+$/.test(value)) return Number(value);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}
