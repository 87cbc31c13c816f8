import { describe, expect, it } from 'vitest';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  IllegalStateError,
  InternalError,
  isAppError,
  NotFoundError,
  problemDetailsSchema,
  RateLimitedError,
  toProblemDetails,
  UnauthorizedError,
  UpstreamError,
  ValidationError,
} from './index';

describe('AppError subclasses', () => {
  it.each([
    [new ValidationError('bad'), 400, 'VALIDATION_FAILED'],
    [new UnauthorizedError(), 401, 'UNAUTHENTICATED'],
    [new ForbiddenError(), 403, 'FORBIDDEN'],
    [new NotFoundError(), 404, 'NOT_FOUND'],
    [new ConflictError('raced'), 409, 'CONFLICT'],
    [new IllegalStateError('not authorized yet'), 409, 'ILLEGAL_STATE'],
    [new RateLimitedError(), 429, 'RATE_LIMITED'],
    [new UpstreamError(), 502, 'UPSTREAM_ERROR'],
    [new InternalError(), 500, 'INTERNAL'],
  ])('%o has status %i and code %s', (error, status, code) => {
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(Error);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.name).toBe(error.constructor.name);
  });

  it('lets callers narrow the code and keep a cause', () => {
    const cause = new Error('low level');
    const error = new ForbiddenError('missing scope', { code: 'FORBIDDEN_SCOPE', cause });
    expect(error.code).toBe('FORBIDDEN_SCOPE');
    expect(error.cause).toBe(cause);
  });

  it('rejects codes that are not UPPER_SNAKE', () => {
    expect(() => new ForbiddenError('x', { code: 'forbidden-scope' })).toThrow(TypeError);
  });

  it('marks rate limits and upstream failures retriable', () => {
    expect(new RateLimitedError('slow down', { retryAfterSeconds: 30 })).toMatchObject({
      retriable: true,
      retryAfterSeconds: 30,
    });
    expect(new UpstreamError().retriable).toBe(true);
    expect(new UpstreamError('bad request to zendesk', { retriable: false }).retriable).toBe(false);
    expect(new ValidationError('x').retriable).toBe(false);
  });
});

describe('isAppError', () => {
  it('recognises app errors by shape, also from another copy of the class', () => {
    const foreign = Object.assign(new Error('gone'), {
      code: 'NOT_FOUND',
      status: 404,
      title: 'Not Found',
      detail: 'gone',
    });
    expect(isAppError(foreign)).toBe(true);
    expect(isAppError(new NotFoundError())).toBe(true);
  });

  it('rejects plain errors, fastify-style errors and non-errors', () => {
    expect(isAppError(new Error('x'))).toBe(false);
    expect(isAppError(Object.assign(new Error('x'), { code: 'FST_ERR_X', statusCode: 400 }))).toBe(false);
    expect(isAppError({ code: 'NOT_FOUND', status: 404, title: 'x', detail: 'y' })).toBe(false);
    expect(isAppError(null)).toBe(false);
    expect(isAppError('NOT_FOUND')).toBe(false);
  });
});

describe('toProblemDetails', () => {
  it('maps an app error with field errors and an instance', () => {
    const error = new ValidationError('The request is invalid.', {
      fields: [{ field: 'body.clientId', message: 'Required' }],
    });
    const problem = toProblemDetails(error, '/v1/connectors');
    expect(problem).toEqual({
      type: 'urn:zc:problem:validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'The request is invalid.',
      code: 'VALIDATION_FAILED',
      instance: '/v1/connectors',
      errors: [{ field: 'body.clientId', message: 'Required' }],
    });
    expect(problemDetailsSchema.parse(problem)).toEqual(problem);
  });

  it('omits instance and errors when there are none', () => {
    const problem = toProblemDetails(new NotFoundError('no such connector'));
    expect(problem).not.toHaveProperty('instance');
    expect(problem).not.toHaveProperty('errors');
  });

  it('hides the message of anything that is not an app error', () => {
    const problem = toProblemDetails(new Error('connect ECONNREFUSED mongodb://admin:hunter2@db'));
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });
});
