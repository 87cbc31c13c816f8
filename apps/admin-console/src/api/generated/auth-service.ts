// Generated from auth-service's GET /openapi.json by apps/admin-console/src/cli/update-api-types.ts; do not edit.
// The console e2e test fails when this copy and the served document disagree.
export interface paths {
  '/api/oauth/saga': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['getApiOauthSaga'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['getHealthz'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['getReadyz'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/connectors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['getV1Connectors'];
    put?: never;
    post: operations['postV1Connectors'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/connectors/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['getV1ConnectorsById'];
    put?: never;
    post?: never;
    delete: operations['deleteV1ConnectorsById'];
    options?: never;
    head?: never;
    patch: operations['patchV1ConnectorsById'];
    trace?: never;
  };
  '/v1/connectors/{id}/authorize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['postV1ConnectorsByIdAuthorize'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/connectors/{id}/credentials': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['postV1ConnectorsByIdCredentials'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/connectors/{id}/recollect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['postV1ConnectorsByIdRecollect'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/connectors/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['postV1ConnectorsByIdTest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/connectors/{id}/tests/{testId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['getV1ConnectorsByIdTestsByTestId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ProblemDetails: {
      code: string;
      detail: string;
      errors?: {
        /** @description Where the problem is, e.g. "body.clientId" */
        field: string;
        message: string;
      }[];
      instance?: string;
      status: number;
      title: string;
      type: string;
    } & {
      [key: string]:
        | string
        | number
        | boolean
        | {
            /** @description Where the problem is, e.g. "body.clientId" */
            field: string;
            message: string;
          }[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getApiOauthSaga: {
    parameters: {
      query?: {
        code?: string;
        error?: string;
        error_description?: string;
        state?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Invalid request (VALIDATION_FAILED with `errors[]` naming each field, or MALFORMED_REQUEST) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Rate limit exceeded (RATE_LIMITED; Retry-After says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unexpected error (INTERNAL); the detail never holds internals */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  getHealthz: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok';
          };
        };
      };
      /** @description Unexpected error (INTERNAL); the detail never holds internals */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  getReadyz: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            checks: {
              detail?: {
                [key: string]: (string | number | boolean) | null;
              };
              durationMs: number;
              name: string;
              /** @enum {string} */
              status: 'ok' | 'failed' | 'timeout';
            }[];
            /** @enum {string} */
            status: 'ready' | 'not_ready';
          };
        };
      };
      /** @description Unexpected error (INTERNAL); the detail never holds internals */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            checks: {
              detail?: {
                [key: string]: (string | number | boolean) | null;
              };
              durationMs: number;
              name: string;
              /** @enum {string} */
              status: 'ok' | 'failed' | 'timeout';
            }[];
            /** @enum {string} */
            status: 'ready' | 'not_ready';
          };
        };
      };
    };
  };
  getV1Connectors: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              authorization: {
                authorizedAt: string;
                token: {
                  expiresAt: string | null;
                  issuedAt: string;
                  refreshable: boolean;
                  rotationDue: boolean;
                  scopes: string[];
                  zendeskTokenId: number;
                };
                zendeskUser: {
                  email: string;
                  role: string;
                  zendeskUserId: number;
                };
              } | null;
              clientId: string;
              disconnected: {
                at: string;
                tokenRevoked: boolean;
              } | null;
              endpoint: string;
              id: string;
              lastFailure: {
                at: string;
                message: string;
                reason: string;
              } | null;
              lastRecollection: {
                from: string;
                requestedAt: string;
                to: string;
              } | null;
              lastTest: {
                at: string;
                checks: {
                  code?: string;
                  durationMs: number;
                  message: string;
                  name: string;
                  ok: boolean;
                }[];
                ok: boolean;
              } | null;
              name: string;
              needsReconnect: boolean;
              nextStep: string;
              rateLimitPerMinute: number;
              redirectUrl: string;
              registeredAt: string;
              /** @enum {string} */
              state: 'registered' | 'authorizing' | 'authorized' | 'failed' | 'disconnected';
              subdomain: string;
              updatedAt: string;
              version: number;
            }[];
          };
        };
      };
      /** @description No valid API key (UNAUTHENTICATED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The API key lacks a scope this operation needs (FORBIDDEN_SCOPE) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Rate limit exceeded (RATE_LIMITED; Retry-After says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unexpected error (INTERNAL); the detail never holds internals */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  postV1Connectors: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          clientId: string;
          clientSecret: string;
          endpoint: string;
          name: string;
          /** @default 200 */
          rateLimitPerMinute?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            authorization: {
              authorizedAt: string;
              token: {
                expiresAt: string | null;
                issuedAt: string;
                refreshable: boolean;
                rotationDue: boolean;
                scopes: string[];
                zendeskTokenId: number;
              };
              zendeskUser: {
                email: string;
                role: string;
                zendeskUserId: number;
              };
            } | null;
            clientId: string;
            disconnected: {
              at: string;
              tokenRevoked: boolean;
            } | null;
            endpoint: string;
            id: string;
            lastFailure: {
              at: string;
              message: string;
              reason: string;
            } | null;
            lastRecollection: {
              from: string;
              requestedAt: string;
              to: string;
            } | null;
            lastTest: {
              at: string;
              checks: {
                code?: string;
                durationMs: number;
                message: string;
                name: string;
                ok: boolean;
              }[];
              ok: boolean;
            } | null;
            name: string;
            needsReconnect: boolean;
            nextStep: string;
            rateLimitPerMinute: number;
            redirectUrl: string;
            registeredAt: string;
            /** @enum {string} */
            state: 'registered' | 'authorizing' | 'authorized' | 'failed' | 'disconnected';
            subdomain: string;
            updatedAt: string;
            version: number;
          };
        };
      };
      /** @description Invalid request (VALIDATION_FAILED with `errors[]` naming each field, or MALFORMED_REQUEST) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid API key (UNAUTHENTICATED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The API key lacks a scope this operation needs (FORBIDDEN_SCOPE) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The resource’s state or a concurrent write conflicts with the request (ILLEGAL_STATE, CONFLICT) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body too large (PAYLOAD_TOO_LARGE) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Rate limit exceeded (RATE_LIMITED; Retry-After says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unexpected error (INTERNAL); the detail never holds internals */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  getV1ConnectorsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            authorization: {
              authorizedAt: string;
              token: {
                expiresAt: string | null;
                issuedAt: string;
                refreshable: boolean;
                rotationDue: boolean;
                scopes: string[];
                zendeskTokenId: number;
              };
              zendeskUser: {
                email: string;
                role: string;
                zendeskUserId: number;
              };
            } | null;
            clientId: string;
            disconnected: {
              at: string;
              tokenRevoked: boolean;
            } | null;
            endpoint: string;
            id: string;
            lastFailure: {
              at: string;
              message: string;
              reason: string;
            } | null;
            lastRecollection: {
              from: string;
              requestedAt: string;
              to: string;
            } | null;
            lastTest: {
              at: string;
              checks: {
                code?: string;
                durationMs: number;
                message: string;
                name: string;
                ok: boolean;
              }[];
              ok: boolean;
            } | null;
            name: string;
            needsReconnect: boolean;
            nextStep: string;
            rateLimitPerMinute: number;
            redirectUrl: string;
            registeredAt: string;
            /** @enum {string} */
            state: 'registered' | 'authorizing' | 'authorized' | 'failed' | 'disconnected';
            subdomain: string;
            updatedAt: string;
            version: number;
          };
        };
      };
      /** @description Invalid request (VALIDATION_FAILED with `errors[]` naming each field, or MALFORMED_REQUEST) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid API key (UNAUTHENTICATED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The API key lacks a scope this operation needs (FORBIDDEN_SCOPE) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Rate limit exceeded (RATE_LIMITED; Retry-After says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unexpected error (INTERNAL); the detail never holds internals */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  deleteV1ConnectorsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            authorization: {
              authorizedAt: string;
              token: {
                expiresAt: string | null;
                issuedAt: string;
                refreshable: boolean;
                rotationDue: boolean;
                scopes: string[];
                zendeskTokenId: number;
              };
              zendeskUser: {
                email: string;
                role: string;
                zendeskUserId: number;
              };
            } | null;
            clientId: string;
            disconnected: {
              at: string;
              tokenRevoked: boolean;
            } | null;
            endpoint: string;
            id: string;
            lastFailure: {
              at: string;
              message: string;
              reason: string;
            } | null;
            lastRecollection: {
              from: string;
              requestedAt: string;
              to: string;
            } | null;
            lastTest: {
              at: string;
              checks: {
                code?: string;
                durationMs: number;
                message: string;
                name: string;
                ok: boolean;
              }[];
              ok: boolean;
            } | null;
            name: string;
            needsReconnect: boolean;
            nextStep: string;
            rateLimitPerMinute: number;
            redirectUrl: string;
            registeredAt: string;
            /** @enum {string} */
            state: 'registered' | 'authorizing' | 'authorized' | 'failed' | 'disconnected';
            subdomain: string;
            updatedAt: string;
            version: number;
          };
        };
      };
      /** @description Invalid request (VALIDATION_FAILED with `errors[]` naming each field, or MALFORMED_REQUEST) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid API key (UNAUTHENTICATED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The API key lacks a scope this operation needs (FORBIDDEN_SCOPE) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The resource’s state or a concurrent write conflicts with the request (ILLEGAL_STATE, CONFLICT) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Rate limit exceeded (RATE_LIMITED; Retry-After says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unexpected error (INTERNAL); the detail never holds internals */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  patchV1ConnectorsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          rateLimitPerMinute?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            authorization: {
              authorizedAt: string;
              token: {
                expiresAt: string | null;
                issuedAt: string;
                refreshable: boolean;
                rotationDue: boolean;
                scopes: string[];
                zendeskTokenId: number;
              };
              zendeskUser: {
                email: string;
                role: string;
                zendeskUserId: number;
              };
            } | null;
            clientId: string;
            disconnected: {
              at: string;
              tokenRevoked: boolean;
            } | null;
            endpoint: string;
            id: string;
            lastFailure: {
              at: string;
              message: string;
              reason: string;
            } | null;
            lastRecollection: {
              from: string;
              requestedAt: string;
              to: string;
            } | null;
            lastTest: {
              at: string;
              checks: {
                code?: string;
                durationMs: number;
                message: string;
                name: string;
                ok: boolean;
              }[];
              ok: boolean;
            } | null;
            name: string;
            needsReconnect: boolean;
            nextStep: string;
            rateLimitPerMinute: number;
            redirectUrl: string;
            registeredAt: string;
            /** @enum {string} */
            state: 'registered' | 'authorizing' | 'authorized' | 'failed' | 'disconnected';
            subdomain: string;
            updatedAt: string;
            version: number;
          };
        };
      };
      /** @description Invalid request (VALIDATION_FAILED with `errors[]` naming each field, or MALFORMED_REQUEST) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid API key (UNAUTHENTICATED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The API key lacks a scope this operation needs (FORBIDDEN_SCOPE) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The resource’s state or a concurrent write conflicts with the request (ILLEGAL_STATE, CONFLICT) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body too large (PAYLOAD_TOO_LARGE) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Rate limit exceeded (RATE_LIMITED; Retry-After says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unexpected error (INTERNAL); the detail never holds internals */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  postV1ConnectorsByIdAuthorize: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            authorizeUrl: string;
            browserUrl: string;
            connectorId: string;
            expiresAt: string;
            nextStep: string;
          };
        };
      };
      /** @description Invalid request (VALIDATION_FAILED with `errors[]` naming each field, or MALFORMED_REQUEST) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid API key (UNAUTHENTICATED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The API key lacks a scope this operation needs (FORBIDDEN_SCOPE) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The resource’s state or a concurrent write conflicts with the request (ILLEGAL_STATE, CONFLICT) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Rate limit exceeded (RATE_LIMITED; Retry-After says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unexpected error (INTERNAL); the detail never holds internals */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  postV1ConnectorsByIdCredentials: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          clientId?: string;
          clientSecret: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            authorization: {
              authorizedAt: string;
              token: {
                expiresAt: string | null;
                issuedAt: string;
                refreshable: boolean;
                rotationDue: boolean;
                scopes: string[];
                zendeskTokenId: number;
              };
              zendeskUser: {
                email: string;
                role: string;
                zendeskUserId: number;
              };
            } | null;
            clientId: string;
            disconnected: {
              at: string;
              tokenRevoked: boolean;
            } | null;
            endpoint: string;
            id: string;
            lastFailure: {
              at: string;
              message: string;
              reason: string;
            } | null;
            lastRecollection: {
              from: string;
              requestedAt: string;
              to: string;
            } | null;
            lastTest: {
              at: string;
              checks: {
                code?: string;
                durationMs: number;
                message: string;
                name: string;
                ok: boolean;
              }[];
              ok: boolean;
            } | null;
            name: string;
            needsReconnect: boolean;
            nextStep: string;
            rateLimitPerMinute: number;
            redirectUrl: string;
            registeredAt: string;
            /** @enum {string} */
            state: 'registered' | 'authorizing' | 'authorized' | 'failed' | 'disconnected';
            subdomain: string;
            updatedAt: string;
            version: number;
          };
        };
      };
      /** @description Invalid request (VALIDATION_FAILED with `errors[]` naming each field, or MALFORMED_REQUEST) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid API key (UNAUTHENTICATED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The API key lacks a scope this operation needs (FORBIDDEN_SCOPE) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The resource’s state or a concurrent write conflicts with the request (ILLEGAL_STATE, CONFLICT) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body too large (PAYLOAD_TOO_LARGE) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Rate limit exceeded (RATE_LIMITED; Retry-After says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unexpected error (INTERNAL); the detail never holds internals */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  postV1ConnectorsByIdRecollect: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          from: string;
          /** Format: date-time */
          to: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            authorization: {
              authorizedAt: string;
              token: {
                expiresAt: string | null;
                issuedAt: string;
                refreshable: boolean;
                rotationDue: boolean;
                scopes: string[];
                zendeskTokenId: number;
              };
              zendeskUser: {
                email: string;
                role: string;
                zendeskUserId: number;
              };
            } | null;
            clientId: string;
            disconnected: {
              at: string;
              tokenRevoked: boolean;
            } | null;
            endpoint: string;
            id: string;
            lastFailure: {
              at: string;
              message: string;
              reason: string;
            } | null;
            lastRecollection: {
              from: string;
              requestedAt: string;
              to: string;
            } | null;
            lastTest: {
              at: string;
              checks: {
                code?: string;
                durationMs: number;
                message: string;
                name: string;
                ok: boolean;
              }[];
              ok: boolean;
            } | null;
            name: string;
            needsReconnect: boolean;
            nextStep: string;
            rateLimitPerMinute: number;
            redirectUrl: string;
            registeredAt: string;
            /** @enum {string} */
            state: 'registered' | 'authorizing' | 'authorized' | 'failed' | 'disconnected';
            subdomain: string;
            updatedAt: string;
            version: number;
          };
        };
      };
      /** @description Invalid request (VALIDATION_FAILED with `errors[]` naming each field, or MALFORMED_REQUEST) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid API key (UNAUTHENTICATED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The API key lacks a scope this operation needs (FORBIDDEN_SCOPE) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The resource’s state or a concurrent write conflicts with the request (ILLEGAL_STATE, CONFLICT) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body too large (PAYLOAD_TOO_LARGE) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body is not JSON (UNSUPPORTED_MEDIA_TYPE) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Rate limit exceeded (RATE_LIMITED; Retry-After says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unexpected error (INTERNAL); the detail never holds internals */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  postV1ConnectorsByIdTest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            nextStep: string;
            /** @enum {string} */
            status: 'running';
            testId: string;
          };
        };
      };
      /** @description Invalid request (VALIDATION_FAILED with `errors[]` naming each field, or MALFORMED_REQUEST) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid API key (UNAUTHENTICATED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The API key lacks a scope this operation needs (FORBIDDEN_SCOPE) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The resource’s state or a concurrent write conflicts with the request (ILLEGAL_STATE, CONFLICT) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Rate limit exceeded (RATE_LIMITED; Retry-After says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unexpected error (INTERNAL); the detail never holds internals */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  getV1ConnectorsByIdTestsByTestId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        testId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            checks: (
              | {
                  name: string;
                  /** @enum {string} */
                  state: 'pending';
                }
              | {
                  code?: string;
                  durationMs: number;
                  message: string;
                  name: string;
                  ok: boolean;
                  /** @enum {string} */
                  state: 'done';
                }
            )[];
            completedAt: string | null;
            connectorId: string;
            ok: boolean | null;
            startedAt: string;
            /** @enum {string} */
            status: 'running' | 'completed' | 'interrupted';
            testId: string;
          };
        };
      };
      /** @description Invalid request (VALIDATION_FAILED with `errors[]` naming each field, or MALFORMED_REQUEST) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid API key (UNAUTHENTICATED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The API key lacks a scope this operation needs (FORBIDDEN_SCOPE) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Rate limit exceeded (RATE_LIMITED; Retry-After says when to retry) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unexpected error (INTERNAL); the detail never holds internals */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
}
