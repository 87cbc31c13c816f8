import { z } from 'zod';

export const fieldErrorSchema = z.object({
  field: z.string().describe('Where the problem is, e.g. "body.clientId"'),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export interface AppErrorInit {
  code: string;
  status: number;
  title: string;
  detail: string;
  fields?: readonly FieldError[];
  cause?: unknown;
  /** True when repeating the same call later may succeed (rate limits, upstream outages). */
  retriable?: boolean;
  /** RFC 9457 extension members for machines (e.g. the id of the resource a conflict is with). */
  extensions?: Readonly<Record<string, string | number | boolean>>;
}

/** Options a subclass accepts on top of its message; `code` lets callers narrow the generic one. */
export interface AppErrorOptions {
  code?: string;
  fields?: readonly FieldError[];
  cause?: unknown;
  extensions?: AppErrorInit['extensions'];
}

const CODE_PATTERN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/**
 * The one error shape every app maps to RFC 9457 problem details. `detail` is written for the
 * client and is returned as is, so never put secrets or internal state into it; keep those in `cause`.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly fields: readonly FieldError[] | undefined;
  readonly retriable: boolean;
  readonly extensions: AppErrorInit['extensions'];

  constructor(init: AppErrorInit) {
    super(init.detail, init.cause === undefined ? undefined : { cause: init.cause });
    if (!CODE_PATTERN.test(init.code)) throw new TypeError(`AppError code must be UPPER_SNAKE: ${init.code}`);
    this.name = new.target.name;
    this.code = init.code;
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.fields = init.fields;
    this.retriable = init.retriable ?? false;
    this.extensions = init.extensions;
  }
}

/**
 * Recognises an AppError by its shape, not its prototype: two copies of this package (or an error
 * that crossed a worker boundary) still match, which `instanceof` would miss.
 */
export const isAppError = (value: unknown): value is AppError => {
  if (typeof value !== 'object' || value === null || !(value instanceof Error)) return false;
  const candidate = value as Partial<Record<keyof AppError, unknown>>;
  return (
    typeof candidate.code === 'string' &&
    CODE_PATTERN.test(candidate.code) &&
    typeof candidate.status === 'number' &&
    Number.isInteger(candidate.status) &&
    candidate.status >= 400 &&
    candidate.status <= 599 &&
    typeof candidate.title === 'string' &&
    typeof candidate.detail === 'string'
  );
};
