const DAY_MS = 86_400_000;
export const MAX_RECOLLECT_AGE_MS = 180 * DAY_MS;
export const MAX_RECOLLECT_SPAN_MS = 31 * DAY_MS;

/** Why a recollection window is refused, by field; empty when it is acceptable. */
export function recollectWindowProblems(
  window: { from: string; to: string },
  now: string,
): { field: 'from' | 'to'; message: string }[] {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const at = Date.parse(now);
  const problems: { field: 'from' | 'to'; message: string }[] = [];
  if (to > at) problems.push({ field: 'to', message: 'must not be in the future' });
  if (from < at - MAX_RECOLLECT_AGE_MS) problems.push({ field: 'from', message: 'must be within the last 180 days' });
  if (from >= to) problems.push({ field: 'to', message: 'must be after from' });
  else if (to - from > MAX_RECOLLECT_SPAN_MS)
    problems.push({ field: 'to', message: 'the window may span at most 31 days' });
  return problems;
}
