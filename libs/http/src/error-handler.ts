import {
  AppError,
  InternalError,
  isAppError,
  NotFoundError,
  PROBLEM_CONTENT_TYPE,
  RateLimitedError,
  ServiceUnavailableError,
  toProblemDetails,
  ValidationError,
  type FieldError,
} from '@zc/errors';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';

interface ValidationIssue {
  instancePath: string;
  message?: string | undefined;
  params?: Record<string, unknown>;
}

/** Turns "/connector/clientId" in the body into "body.connector.clientId". */
const fieldOf = (context: string | undefined, issue: ValidationIssue): string => {
  const path = issue.instancePath.split('/').filter((segment) => segment.length > 0);
  // AJV reports a missing property on its parent; name the property itself.
  const missing = issue.params?.['missingProperty'];
  if (typeof missing === 'string') path.push(missing);
  return [context ?? 'request', ...path].join('.');
};

const validationErrorOf = (error: FastifyError): ValidationError => {
  const fields: FieldError[] = (error.validation ?? []).map((issue) => ({
    field: fieldOf(error.validationContext, issue),
    message: issue.message ?? 'is invalid',
  }));
  return new ValidationError('The request is invalid.', { fields, cause: error });
};

/** Fastify's own 4xx errors (bad JSON, too large, wrong media type) with a stable code each. */
const FASTIFY_CLIENT_CODES: Record<number, { code: string; title: string }> = {
  400: { code: 'MALFORMED_REQUEST', title: 'Bad Request' },
  404: { code: 'NOT_FOUND', title: 'Not Found' },
  405: { code: 'METHOD_NOT_ALLOWED', title: 'Method Not Allowed' },
  408: { code: 'REQUEST_TIMEOUT', title: 'Request Timeout' },
  413: { code: 'PAYLOAD_TOO_LARGE', title: 'Content Too Large' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', title: 'Unsupported Media Type' },
  431: { code: 'REQUEST_HEADER_FIELDS_TOO_LARGE', title: 'Request Header Fields Too Large' },
  429: { code: 'RATE_LIMITED', title: 'Too Many Requests' },
};

const isFastifyError = (error: unknown): error is FastifyError =>
  error instanceof Error && typeof (error as Partial<FastifyError>).statusCode === 'number';

export const toAppError = (error: unknown): AppError => {
  if (isAppError(error)) return error;
  if (!isFastifyError(error)) return new InternalError(undefined, { cause: error });
  if (Array.isArray(error.validation)) return validationErrorOf(error);
  // A response that does not match its schema is our bug, not the caller's.
  if (isResponseSerializationError(error)) return new InternalError(undefined, { cause: error });
  const status = error.statusCode ?? 500;
  const known = FASTIFY_CLIENT_CODES[status];
  if (status >= 500 || status < 400) return new InternalError(undefined, { cause: error });
  // Fastify's 4xx messages describe the request (never server state), so they are safe to return.
  return new AppError({
    code: known?.code ?? 'BAD_REQUEST',
    status,
    title: known?.title ?? 'Bad Request',
    detail: error.message,
    cause: error,
  });
};

const sendProblem = (error: AppError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
  if (
    (error instanceof RateLimitedError || error instanceof ServiceUnavailableError) &&
    error.retryAfterSeconds !== undefined
  ) {
    void reply.header('retry-after', String(error.retryAfterSeconds));
  }
  return reply
    .status(error.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(toProblemDetails(error, request.url.split('?')[0]));
};

/** The one mapping point from anything thrown to RFC 9457 problem details. */
export const installErrorHandling = (
  app: FastifyInstance,
  options: { rateLimitNotFound: boolean; allowedMethods: (path: string) => string[] },
): void => {
  app.setErrorHandler((error: unknown, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error, code: appError.code }, 'request failed');
    else request.log.info({ code: appError.code, status: appError.status }, 'request rejected');
    return sendProblem(appError, request, reply);
  });
  // Unthrottled 404s let a client probe for routes cheaply; throttle them like everything else.
  const preHandler = options.rateLimitNotFound ? app.rateLimit() : undefined;
  app.setNotFoundHandler(preHandler === undefined ? {} : { preHandler }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = options.allowedMethods(path);
    if (allowed.length === 0)
      return sendProblem(new NotFoundError(`No route for ${request.method} ${path}.`), request, reply);
    void reply.header('allow', allowed.join(', '));
    return sendProblem(
      new AppError({
        code: 'METHOD_NOT_ALLOWED',
        status: 405,
        title: 'Method Not Allowed',
        detail: `${path} does not accept ${request.method}; it accepts ${allowed.join(', ')}.`,
      }),
      request,
      reply,
    );
  });
};
