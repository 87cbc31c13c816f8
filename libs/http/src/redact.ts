export const REDACTED = '[redacted]';

/**
 * Key names (case, "_" and "-" ignored) whose values never reach a log line. Matched as suffixes so
 * clientSecret, client_secret, access_token, refreshToken, x-api-key, set-cookie are all covered.
 */
const SENSITIVE_SUFFIXES = ['secret', 'token', 'password', 'passwd', 'apikey', 'privatekey', 'authorization', 'cookie'];

/**
 * OAuth's authorization `code` is a credential, and a live `state` lets whoever holds it complete
 * that flow; both are only worth hiding in query strings (bodies use them as ordinary words).
 */
const SENSITIVE_QUERY_KEYS = new Set(['code', 'state']);

const normalise = (key: string): string => key.toLowerCase().replace(/[-_]/g, '');

export const isSensitiveKey = (key: string): boolean => {
  const normalised = normalise(key);
  return SENSITIVE_SUFFIXES.some((suffix) => normalised.endsWith(suffix));
};

const MAX_DEPTH = 12;

/**
 * Only plain data (parsed bodies, objects built for the log call) is walked. Class instances are
 * left to their serializers: Fastify's request object must reach the req serializer intact, Errors
 * the err serializer, and Date/Buffer/SecretString print themselves through toJSON.
 */
const shouldKeepAsIs = (value: object): boolean => {
  if (Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype !== Object.prototype && prototype !== null;
};

/**
 * Copies a log object with sensitive keys replaced, at any depth (up to a bound, beyond which the
 * rest is dropped rather than risked). pino's path-based redaction needs every path spelled out,
 * which cannot cover "a body logged under any name"; this walks instead.
 */
export const redactSecrets = (value: unknown, depth = 0, seen = new WeakSet<object>()): unknown => {
  if (typeof value !== 'object' || value === null || shouldKeepAsIs(value)) return value;
  if (depth >= MAX_DEPTH) return '[truncated]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1, seen));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = isSensitiveKey(key) ? REDACTED : redactSecrets(item, depth + 1, seen);
    }
    return copy;
  } finally {
    // Shared (non-circular) references may appear twice; only ancestors count as a cycle.
    seen.delete(value);
  }
};

/** Hides sensitive query parameters in a logged URL (OAuth redirects carry `code` there). */
export const redactUrl = (url: string): string => {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const params = new URLSearchParams(url.slice(queryStart + 1));
  let changed = false;
  for (const key of new Set(params.keys())) {
    if (isSensitiveKey(key) || SENSITIVE_QUERY_KEYS.has(key.toLowerCase())) {
      params.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? `${url.slice(0, queryStart)}?${params.toString()}` : url;
};
