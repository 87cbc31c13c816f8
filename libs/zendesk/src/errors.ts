/** Every client failure is a ZendeskError with a stable `code`; callers branch on the class. */
export class ZendeskError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidTokenError extends ZendeskError {
  constructor(status = 401) {
    super('ZENDESK_INVALID_TOKEN', 'The access token is expired, revoked or invalid', status);
  }
}

export class MissingScopeError extends ZendeskError {
  constructor(readonly scopes: readonly string[]) {
    super('ZENDESK_MISSING_SCOPE', `Token is missing scopes: ${scopes.join(' ') || 'unknown'}`, 403);
  }
}

export class NotAdminError extends ZendeskError {
  constructor(detail = 'The authorizing user is not an active Zendesk admin', status: number | null = 403) {
    super('ZENDESK_NOT_ADMIN', detail, status);
  }
}

/** 403/404 on audit logs: plan without audit logs, or a caller without access to them. */
export class PlanNotEntitledError extends ZendeskError {
  constructor(status: number) {
    super('ZENDESK_PLAN_NOT_ENTITLED', 'Audit logs are not available (plan or permission)', status);
  }
}

/** Zendesk answered 429; not the HTTP `RateLimitedError` of @zc/errors, which this service answers with. */
export class ZendeskRateLimitedError extends ZendeskError {
  constructor(
    readonly retryAfterMs: number,
    readonly bucket: 'account' | 'endpoint',
  ) {
    super('ZENDESK_RATE_LIMITED', `Rate limited; retry after ${retryAfterMs} ms`, 429);
  }
}

/** 5xx, 409 and network failures: worth retrying with backoff (503 carries Retry-After). */
export class TransientError extends ZendeskError {
  constructor(
    message: string,
    status: number | null,
    readonly retryAfterMs: number | null = null,
  ) {
    super('ZENDESK_TRANSIENT', message, status);
  }
}

/**
 * Zendesk did not answer (or finish answering) within the client's request timeout; the request was
 * abandoned. Transient like a network failure, with its own code so callers and logs can tell it apart.
 */
export class RequestTimeoutError extends TransientError {
  override readonly code = 'ZENDESK_TIMEOUT';
  constructor(readonly timeoutMs: number) {
    super(`Zendesk did not answer within ${String(timeoutMs)} ms`, null);
  }
}

export class MalformedResponseError extends ZendeskError {
  constructor(detail: string, status: number | null) {
    super('ZENDESK_MALFORMED_RESPONSE', `Unexpected response from Zendesk: ${detail}`, status);
  }
}

/** Any other 4xx, carrying Zendesk's own error code (RecordNotFound, InvalidPaginationParameter, ...). */
export class ZendeskRequestError extends ZendeskError {
  constructor(
    readonly zendeskCode: string,
    detail: string,
    status: number,
  ) {
    super('ZENDESK_REQUEST_FAILED', `${zendeskCode}: ${detail}`, status);
  }
}

export class OAuthError extends ZendeskError {
  constructor(
    readonly oauthError: string,
    readonly description: string,
    status: number,
  ) {
    super('ZENDESK_OAUTH_ERROR', `${oauthError}: ${description}`, status);
  }
}
