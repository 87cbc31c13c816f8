import type { z } from 'zod';

export interface ConfigIssue {
  key: string;
  message: string;
}

/** Startup failure listing every bad or missing key, one per line; values are never echoed. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(['Invalid configuration:', ...issues.map((issue) => `  ${issue.key}: ${issue.message}`)].join('\n'));
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * `FOO=` in a shell or .env file means "not set": treating it as absent lets defaults apply and
 * makes a required key report "is required" instead of a confusing type error.
 */
const dropEmpty = (env: Env): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''),
  );

const messageOf = (issue: z.core.$ZodIssue, input: Record<string, string>): string => {
  const key = issue.path[0];
  if (issue.path.length === 1 && typeof key === 'string' && !(key in input)) return 'is required';
  // Zod's messages describe expectations, not the received value, so they are safe to print.
  return issue.message;
};

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  } else if (Array.isArray(value)) {
    value.forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

/**
 * Parses the environment once at startup. Only main.ts should call this with process.env;
 * everything else receives the typed, frozen result.
 */
export const parseConfig = <S extends z.ZodObject>(schema: S, env: Env = process.env): Readonly<z.output<S>> => {
  const input = dropEmpty(env);
  const result = schema.safeParse(input);
  if (result.success) return deepFreeze(result.data);
  const issues = result.error.issues.map((issue) => ({
    key: issue.path.map(String).join('.') || '(root)',
    message: messageOf(issue, input),
  }));
  throw new ConfigError(issues);
};
