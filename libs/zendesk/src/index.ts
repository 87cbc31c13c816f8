export { parseZendeskEndpoint, isZendeskEndpoint, InvalidEndpointError, type ZendeskEndpoint } from './endpoint';
export {
  createZendeskClient,
  type ZendeskClient,
  type ZendeskClientOptions,
  type CursorPage,
  type IncrementalStart,
  type TokenListQuery,
} from './client';
export { type AuditLogQuery, type AuditAction } from './audit-log-query';
export {
  createZendeskOAuth,
  createPkcePair,
  type ZendeskOAuth,
  type ZendeskOAuthOptions,
  type AuthorizeUrlParams,
} from './oauth';
export {
  parseRateLimitHeaders,
  parseBucketHeader,
  parseRetryAfter,
  type RateLimitInfo,
  type RateLimitMeta,
} from './rate-limit-headers';
export { mapErrorResponse, summariseErrorBody } from './error-mapping';
export * from './errors';
export type { ResponseMeta } from './request';
export { DEFAULT_REQUEST_TIMEOUT_MS, type CoreOptions } from './core';
export type { FetchLike, TransportRequest } from './transport';
export type {
  ZendeskUser,
  ZendeskAccount,
  AuditLog,
  OAuthTokenInfo,
  TokenGrant,
  IncrementalUsersPage,
} from './schemas';
