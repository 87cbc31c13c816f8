import { AppError, type AppErrorOptions } from './app-error';

/** Builds the constructor arguments shared by every subclass, so each class stays a one-liner. */
const init = (defaults: { code: string; status: number; title: string }, detail: string, options: AppErrorOptions) => ({
  ...defaults,
  code: options.code ?? defaults.code,
  detail,
  ...(options.fields === undefined ? {} : { fields: options.fields }),
  ...(options.cause === undefined ? {} : { cause: options.cause }),
  ...(options.extensions === undefined ? {} : { extensions: options.extensions }),
});

export class ValidationError extends AppError {
  constructor(detail: string, options: AppErrorOptions = {}) {
    super(init({ code: 'VALIDATION_FAILED', status: 400, title: 'Bad Request' }, detail, options));
  }
}

export class UnauthorizedError extends AppError {
  constructor(detail = 'Authentication is required.', options: AppErrorOptions = {}) {
    super(init({ code: 'UNAUTHENTICATED', status: 401, title: 'Unauthorized' }, detail, options));
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = 'You are not allowed to do this.', options: AppErrorOptions = {}) {
    super(init({ code: 'FORBIDDEN', status: 403, title: 'Forbidden' }, detail, options));
  }
}

export class NotFoundError extends AppError {
  constructor(detail = 'The resource does not exist.', options: AppErrorOptions = {}) {
    super(init({ code: 'NOT_FOUND', status: 404, title: 'Not Found' }, detail, options));
  }
}

/** A write raced another one (expected version, unique key). Retrying after a re-read may succeed. */
export class ConflictError extends AppError {
  constructor(detail: string, options: AppErrorOptions = {}) {
    super(init({ code: 'CONFLICT', status: 409, title: 'Conflict' }, detail, options));
  }
}

/**
 * The command is well formed and allowed, but the resource's current state forbids it
 * (e.g. testing a connector that was never authorized). 409, not emmett's 403: the caller's
 * rights are fine, the resource's state conflicts with the request; 403 would send people
 * chasing permissions. The distinct code tells it apart from a concurrency ConflictError.
 */
export class IllegalStateError extends AppError {
  constructor(detail: string, options: AppErrorOptions = {}) {
    super(init({ code: 'ILLEGAL_STATE', status: 409, title: 'Conflict' }, detail, options));
  }
}

export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number | undefined;

  constructor(detail = 'Too many requests.', options: AppErrorOptions & { retryAfterSeconds?: number } = {}) {
    super({
      ...init({ code: 'RATE_LIMITED', status: 429, title: 'Too Many Requests' }, detail, options),
      retriable: true,
    });
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/**
 * The service is at its limit for this kind of request (too many in flight, or the query ran past its time
 * limit): the caller should come back after `retryAfterSeconds` instead of waiting on a queue.
 */
export class ServiceUnavailableError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(detail: string, options: AppErrorOptions & { retryAfterSeconds: number }) {
    super({
      ...init({ code: 'OVERLOADED', status: 503, title: 'Service Unavailable' }, detail, options),
      retriable: true,
    });
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** A dependency we call (Zendesk, Kafka, MongoDB) failed; the request itself was fine. */
export class UpstreamError extends AppError {
  constructor(detail = 'An upstream service failed.', options: AppErrorOptions & { retriable?: boolean } = {}) {
    super({
      ...init({ code: 'UPSTREAM_ERROR', status: 502, title: 'Bad Gateway' }, detail, options),
      retriable: options.retriable ?? true,
    });
  }
}

export class InternalError extends AppError {
  constructor(detail = 'An unexpected error occurred.', options: AppErrorOptions = {}) {
    super(init({ code: 'INTERNAL', status: 500, title: 'Internal Server Error' }, detail, options));
  }
}
