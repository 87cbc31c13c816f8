import { describe, expect, it } from 'vitest';
import { mapErrorResponse, summariseErrorBody } from './error-mapping';
import {
  InvalidTokenError,
  MissingScopeError,
  NotAdminError,
  PlanNotEntitledError,
  ZendeskRateLimitedError,
  TransientError,
  ZendeskRequestError,
} from './errors';

const ctx = { auditLogs: false, retryAfterMs: null };

describe('error mapping', () => {
  it('reads every Zendesk envelope and non-JSON bodies', () => {
    expect(summariseErrorBody('{"error":"invalid_token","error_description":"expired"}')).toEqual({
      code: 'invalid_token',
      message: 'expired',
    });
    expect(summariseErrorBody('{"error":{"title":"Forbidden","message":"no"}}')).toEqual({
      code: 'Forbidden',
      message: 'no',
    });
    expect(summariseErrorBody('{"errors":[{"code":"InvalidPaginationDepth","detail":"deep"}]}')).toEqual({
      code: 'InvalidPaginationDepth',
      message: 'deep',
    });
    expect(summariseErrorBody('Number of allowed API requests per minute exceeded')).toMatchObject({ code: 'Unknown' });
    expect(summariseErrorBody('')).toMatchObject({ code: 'Unknown' });
  });

  it('maps statuses to typed errors', () => {
    expect(mapErrorResponse(401, '{"error":"Couldn\'t authenticate you"}', ctx)).toBeInstanceOf(InvalidTokenError);
    const scope = mapErrorResponse(
      403,
      '{"error":"Forbidden","description":"You are missing the following required scopes: auditlogs:read"}',
      ctx,
    );
    expect(scope).toBeInstanceOf(MissingScopeError);
    expect((scope as MissingScopeError).scopes).toEqual(['auditlogs:read']);
    const forbidden = '{"error":{"title":"Forbidden","message":"You do not have access to this page."}}';
    expect(mapErrorResponse(403, forbidden, ctx)).toBeInstanceOf(NotAdminError);
    expect(mapErrorResponse(403, forbidden, { ...ctx, auditLogs: true })).toBeInstanceOf(PlanNotEntitledError);
    expect(
      mapErrorResponse(404, '{"error":"InvalidEndpoint","description":"Not found"}', { ...ctx, auditLogs: true }),
    ).toBeInstanceOf(PlanNotEntitledError);
    expect(mapErrorResponse(404, '{"error":"RecordNotFound","description":"Not found"}', ctx)).toBeInstanceOf(
      ZendeskRequestError,
    );
    const limited = mapErrorResponse(429, 'Number of allowed API requests per minute exceeded', {
      ...ctx,
      retryAfterMs: 5000,
    });
    expect(limited).toMatchObject({ retryAfterMs: 5000, bucket: 'account' });
    expect(limited).toBeInstanceOf(ZendeskRateLimitedError);
    const inc = mapErrorResponse(
      429,
      '{"error":"APIRateLimitExceeded","description":"Number of allowed incremental export API requests per minute exceeded"}',
      ctx,
    );
    expect(inc).toMatchObject({ bucket: 'endpoint', retryAfterMs: 60_000 });
    expect(mapErrorResponse(503, '', { ...ctx, retryAfterMs: 3000 })).toMatchObject({ retryAfterMs: 3000 });
    expect(mapErrorResponse(504, '<html></html>', ctx)).toBeInstanceOf(TransientError);
    expect(mapErrorResponse(409, '{"error":"Conflict","description":"x"}', ctx)).toBeInstanceOf(TransientError);
  });
});
