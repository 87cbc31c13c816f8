import { describe, expect, it } from 'vitest';
import { failureAppPerTest } from './testing/failure-app';

const build = failureAppPerTest();

describe('errors as problem details', () => {
  it('names each invalid field of the body', async () => {
    const response = await (
      await build()
    ).inject({
      method: 'POST',
      url: '/v1/connectors',
      payload: { name: '', endpoint: {} },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json<{ code: string; errors: { field: string; message: string }[] }>();
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', type: 'urn:zc:problem:validation-failed' });
    expect(problem.errors.map((error) => error.field).sort()).toEqual([
      'body.clientId',
      'body.endpoint.host',
      'body.name',
    ]);
    expect(problem.errors.every((error) => error.message.length > 0)).toBe(true);
  });

  it('maps an AppError to its status and code, with the path as instance', async () => {
    const response = await (await build()).inject({ method: 'GET', url: '/v1/conflict?x=1' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      type: 'urn:zc:problem:illegal-state',
      title: 'Conflict',
      status: 409,
      detail: 'Connector is not authorized yet.',
      code: 'ILLEGAL_STATE',
      instance: '/v1/conflict',
    });
  });

  it('sets Retry-After for a RateLimitedError', async () => {
    const response = await (await build()).inject({ method: 'GET', url: '/v1/limited' });
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('12');
  });

  it('hides the message of an unknown error behind a 500 INTERNAL', async () => {
    const response = await (await build()).inject({ method: 'GET', url: '/v1/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'INTERNAL', detail: 'An unexpected error occurred.' });
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('ECONNREFUSED');
  });

  it('treats a response that breaks its schema as our 500, not the caller’s 400', async () => {
    const response = await (await build()).inject({ method: 'GET', url: '/v1/bad-response' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'INTERNAL' });
  });

  it('never returns the cause of an app error', async () => {
    const response = await (await build()).inject({ method: 'GET', url: '/v1/items/1' });
    expect(response.statusCode).toBe(409);
    expect(response.body).not.toContain('expected 3');
  });

  it('answers unknown routes with a NOT_FOUND problem', async () => {
    const response = await (await build()).inject({ method: 'GET', url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('maps malformed JSON to a 400 MALFORMED_REQUEST', async () => {
    const response = await (
      await build()
    ).inject({
      method: 'POST',
      url: '/v1/connectors',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'MALFORMED_REQUEST' });
  });

  it('maps a body over the limit to 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await (
      await build({ bodyLimitBytes: 64 })
    ).inject({
      method: 'POST',
      url: '/v1/connectors',
      payload: { name: 'x'.repeat(100), clientId: 'c', endpoint: { host: 'h' } },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
