import { describe, expect, it } from 'vitest';
import { problemToError, unreachable } from './problems';

describe('service problems on console pages', () => {
  it('keeps a service’s code, status and field errors', () => {
    const error = problemToError('auth service', 400, {
      type: 'urn:zc:problem:validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'The request is invalid.',
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'body.endpoint', message: 'must be <account>.zendesk.com' }],
    });
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', fields: [{ field: 'body.endpoint' }] });
    expect(problemToError('auth service', 500, 'oops').code).toBe('UPSTREAM_ERROR');
  });

  it('tells a timeout from a service that is down', () => {
    const timeout = Object.assign(new Error('t'), { name: 'TimeoutError' });
    expect(unreachable('projection service', timeout).code).toBe('UPSTREAM_TIMEOUT');
    expect(unreachable('projection service', new TypeError('fetch failed')).code).toBe('UPSTREAM_ERROR');
  });
});
