// Generated from projection-service's GET /openapi.json by apps/admin-console/src/cli/update-api-types.ts; do not edit.
// The console e2e test fails when this copy and the served document disagree.
export interface paths {
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
  '/v1/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Activities, newest first; keyset paging stays stable while new ones arrive */
    get: operations['getV1Activities'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/activities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One activity by id (zd:<account>:<audit log id>), with the raw Zendesk record */
    get: operations['getV1ActivitiesById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/activities/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every matching activity as NDJSON (one JSON object per line), newest first, streamed */
    get: operations['getV1ActivitiesExport'];
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
    /** Every connector with its status */
    get: operations['getV1Connectors'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/connectors/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Status transitions, newest first, with their cause */
    get: operations['getV1ConnectorsByIdHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/connectors/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A connector’s status, health, backfill and token */
    get: operations['getV1ConnectorsByIdStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lag': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Consumer group lag and Burrow status per partition */
    get: operations['getV1Lag'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Zendesk users, latest snapshot each */
    get: operations['getV1Users'];
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
  getV1Activities: {
    parameters: {
      query?: {
        action?: string;
        actorId?: number;
        actorType?: 'user' | 'system';
        /** @description true: only activities whose actor is an admin of the connector's Zendesk account */
        adminOnly?: 'true' | 'false';
        connector?: string;
        cursor?: string;
        /** @description inclusive, ISO-8601 */
        from?: string;
        /** @description an IP address or a CIDR range */
        ip?: string;
        limit?: number;
        /** @description case-insensitive text in the description, action label or actor name */
        q?: string;
        sourceType?: string;
        /** @description exclusive, ISO-8601 */
        to?: string;
      };
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
              account: string;
              action: string;
              actionLabel: string;
              activityId: string;
              actor: {
                id: number;
                name: string;
                /** @enum {string} */
                type: 'user' | 'system';
              };
              auditLogId: number;
              /** Format: date-time */
              collectedAt: string;
              connectorIds: string[];
              description: string;
              ipAddress: string | null;
              /** Format: date-time */
              occurredAt: string;
              source: {
                id: number | null;
                label: string;
                type: string;
              };
            }[];
            nextCursor: string | null;
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
  getV1ActivitiesById: {
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
            account: string;
            action: string;
            actionLabel: string;
            activityId: string;
            actor: {
              id: number;
              name: string;
              /** @enum {string} */
              type: 'user' | 'system';
            };
            auditLogId: number;
            /** Format: date-time */
            collectedAt: string;
            connectorIds: string[];
            description: string;
            ipAddress: string | null;
            /** Format: date-time */
            occurredAt: string;
            raw: {
              [key: string]: unknown;
            };
            source: {
              id: number | null;
              label: string;
              type: string;
            };
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
  getV1ActivitiesExport: {
    parameters: {
      query?: {
        action?: string;
        actorId?: number;
        actorType?: 'user' | 'system';
        /** @description true: only activities whose actor is an admin of the connector's Zendesk account */
        adminOnly?: 'true' | 'false';
        connector?: string;
        /** @description inclusive, ISO-8601 */
        from?: string;
        /** @description an IP address or a CIDR range */
        ip?: string;
        /** @description case-insensitive text in the description, action label or actor name */
        q?: string;
        sourceType?: string;
        /** @description exclusive, ISO-8601 */
        to?: string;
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
  getV1Connectors: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
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
                authorizedAt: string | null;
                authorizingUser: {
                  role: string;
                  zendeskUserId: number;
                } | null;
                failure: {
                  at: string;
                  message: string;
                  reason: string;
                } | null;
              };
              backfill: {
                audit_logs: {
                  coveredUntil: string | null;
                  estimatedCompletionAt: string | null;
                  itemsFetched: number;
                  ratio: number | null;
                };
                completedAt: string | null;
                users: {
                  coveredUntil: string | null;
                  estimatedCompletionAt: string | null;
                  itemsFetched: number;
                  ratio: number | null;
                };
                window: {
                  from: string;
                  to: string;
                } | null;
              };
              cause: {
                eventId: string;
                eventType: string;
              } | null;
              collectionStartedAt: string | null;
              collector: {
                instanceId: string | null;
                lastHeartbeatAt: string | null;
                lastProgressAt: string | null;
                leaseTtlMs: number | null;
                pollIntervalMs: number | null;
                silenceBoundMs: number | null;
                stalledSince: string | null;
              };
              connectorId: string;
              endpoint: string | null;
              health: {
                audit_logs: {
                  code: string | null;
                  message: string | null;
                  retryAt: string | null;
                  since: string | null;
                  /** @enum {string} */
                  state: 'unknown' | 'ok' | 'failing';
                };
                token: {
                  code: string | null;
                  message: string | null;
                  retryAt: string | null;
                  since: string | null;
                  /** @enum {string} */
                  state: 'unknown' | 'ok' | 'failing';
                };
                users: {
                  code: string | null;
                  message: string | null;
                  retryAt: string | null;
                  since: string | null;
                  /** @enum {string} */
                  state: 'unknown' | 'ok' | 'failing';
                };
              };
              lastActivityAt: string | null;
              lastActivityCollectedAt: string | null;
              lastSuccessfulPollAt: string | null;
              lastTest: {
                at: string;
                checks: {
                  code?: string;
                  message: string;
                  name: string;
                  ok: boolean;
                }[];
                ok: boolean;
              } | null;
              message: string;
              name: string | null;
              rateLimit: {
                budget: {
                  limitPerWindow: number;
                  reportedAt: string;
                  requestsInWindow: number;
                  windowMs: number;
                } | null;
                perMinute: number | null;
                utilisation: number | null;
              };
              reason: string;
              /** @enum {string} */
              status: 'Pending' | 'Authorizing' | 'Connected' | 'Degraded' | 'Error' | 'Disconnected';
              statusSince: string | null;
              subdomain: string | null;
              token: {
                ageDays: number;
                expiresAt: string | null;
                issuedAt: string;
                refreshable: boolean;
                rotationDue: boolean;
                rotationDueAt: string | null;
              } | null;
            }[];
            nextCursor: string | null;
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
  getV1ConnectorsByIdHistory: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
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
            items: {
              at: string;
              cause: {
                eventId: string;
                eventType: string;
                sequence: number;
                stream: string;
              };
              /** @enum {string} */
              from: 'Pending' | 'Authorizing' | 'Connected' | 'Degraded' | 'Error' | 'Disconnected';
              message: string;
              reason: string;
              /** @enum {string} */
              to: 'Pending' | 'Authorizing' | 'Connected' | 'Degraded' | 'Error' | 'Disconnected';
            }[];
            nextCursor: string | null;
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
  getV1ConnectorsByIdStatus: {
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
              authorizedAt: string | null;
              authorizingUser: {
                role: string;
                zendeskUserId: number;
              } | null;
              failure: {
                at: string;
                message: string;
                reason: string;
              } | null;
            };
            backfill: {
              audit_logs: {
                coveredUntil: string | null;
                estimatedCompletionAt: string | null;
                itemsFetched: number;
                ratio: number | null;
              };
              completedAt: string | null;
              users: {
                coveredUntil: string | null;
                estimatedCompletionAt: string | null;
                itemsFetched: number;
                ratio: number | null;
              };
              window: {
                from: string;
                to: string;
              } | null;
            };
            cause: {
              eventId: string;
              eventType: string;
            } | null;
            collectionStartedAt: string | null;
            collector: {
              instanceId: string | null;
              lastHeartbeatAt: string | null;
              lastProgressAt: string | null;
              leaseTtlMs: number | null;
              pollIntervalMs: number | null;
              silenceBoundMs: number | null;
              stalledSince: string | null;
            };
            connectorId: string;
            endpoint: string | null;
            health: {
              audit_logs: {
                code: string | null;
                message: string | null;
                retryAt: string | null;
                since: string | null;
                /** @enum {string} */
                state: 'unknown' | 'ok' | 'failing';
              };
              token: {
                code: string | null;
                message: string | null;
                retryAt: string | null;
                since: string | null;
                /** @enum {string} */
                state: 'unknown' | 'ok' | 'failing';
              };
              users: {
                code: string | null;
                message: string | null;
                retryAt: string | null;
                since: string | null;
                /** @enum {string} */
                state: 'unknown' | 'ok' | 'failing';
              };
            };
            lastActivityAt: string | null;
            lastActivityCollectedAt: string | null;
            lastSuccessfulPollAt: string | null;
            lastTest: {
              at: string;
              checks: {
                code?: string;
                message: string;
                name: string;
                ok: boolean;
              }[];
              ok: boolean;
            } | null;
            message: string;
            name: string | null;
            rateLimit: {
              budget: {
                limitPerWindow: number;
                reportedAt: string;
                requestsInWindow: number;
                windowMs: number;
              } | null;
              perMinute: number | null;
              utilisation: number | null;
            };
            reason: string;
            /** @enum {string} */
            status: 'Pending' | 'Authorizing' | 'Connected' | 'Degraded' | 'Error' | 'Disconnected';
            statusSince: string | null;
            subdomain: string | null;
            token: {
              ageDays: number;
              expiresAt: string | null;
              issuedAt: string;
              refreshable: boolean;
              rotationDue: boolean;
              rotationDueAt: string | null;
            } | null;
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
  getV1Lag: {
    parameters: {
      query?: {
        /** @description Only this consumer group */
        group?: string;
      };
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
            /** Format: date-time */
            evaluatedAt: string;
            groups: {
              complete: number;
              /** Format: date-time */
              evaluatedAt: string;
              group: string;
              maxLag: number;
              maxLagSeconds: number;
              partitions: {
                committedOffset: number;
                complete: number;
                highWatermark: number;
                lag: number;
                lagSeconds: number;
                partition: number;
                /** @enum {string} */
                status: 'OK' | 'WARN' | 'STOP' | 'STALL' | 'REWIND';
                topic: string;
              }[];
              /** @enum {string} */
              status: 'OK' | 'WARN' | 'ERR';
              totalLag: number;
            }[];
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
  getV1Users: {
    parameters: {
      query?: {
        connector?: string;
        cursor?: string;
        limit?: number;
      };
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
              account: string;
              active: boolean;
              connectorId: string;
              createdAt: string;
              customRoleId: number | null;
              email: string | null;
              lastLoginAt: string | null;
              name: string;
              role: string;
              suspended: boolean;
              updatedAt: string;
              userId: number;
            }[];
            nextCursor: string | null;
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
