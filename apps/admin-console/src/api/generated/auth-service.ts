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
    get: {
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
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
    get: {
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
      };
    };
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
    get: {
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
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              checks: {
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
    get: {
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
      };
    };
    put?: never;
    post: {
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
      };
    };
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
    get: {
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
      };
    };
    put?: never;
    post?: never;
    delete: {
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
      };
    };
    options?: never;
    head?: never;
    patch: {
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
      };
    };
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
    post: {
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
      };
    };
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
    post: {
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
      };
    };
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
    post: {
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
      };
    };
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
    post: {
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
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
