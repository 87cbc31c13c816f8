/** Functions, aggregations and keywords of PromQL: identifiers that are never metric names. */
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'atan2',
]);
const HISTOGRAM_SUFFIXES = ['_bucket', '_sum', '_count'];

/**
 * The metric names a PromQL expression reads. A light scan rather than a parser: good enough for
 * the rules and panels we write (no subqueries-with-offset tricks), and it needs no Go toolchain.
 */
export function metricNamesIn(expr: string): Set<string> {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""') // string literals (label values, regexes)
    .replace(/\{[^}]*\}/g, ' ') // label matchers
    .replace(/\[[^\]]*\]/g, ' ') // range selectors and durations
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' '); // label lists
  const names = new Set<string>();
  for (const match of stripped.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)) {
    const [, name, call] = match;
    if (!name || call || KEYWORDS.has(name) || /^(?:Inf|NaN)$/i.test(name)) continue;
    const before = stripped[(match.index ?? 0) - 1];
    if (before && /[0-9.$]/.test(before)) continue; // 1e3, 10m, $__rate_interval
    names.add(name);
  }
  return names;
}

/** Metric names listed in METRICS.md: the first, backticked cell of each table row. */
export function contractNames(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^\|\s*`([a-zA-Z_:][a-zA-Z0-9_:]*)`\s*\|/gm)].map((m) => m[1] ?? ''));
}

/** Whether a series name is covered by the contract, counting a histogram's _bucket/_sum/_count. */
export function inContract(name: string, contract: ReadonlySet<string>): boolean {
  return (
    contract.has(name) ||
    HISTOGRAM_SUFFIXES.some((suffix) => name.endsWith(suffix) && contract.has(name.slice(0, -suffix.length)))
  );
}
