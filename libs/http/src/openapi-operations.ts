import { problemDetailsSchema, PROBLEM_CONTENT_TYPE } from '@zc/errors';
import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** What apiKeyAuth enforces, as OpenAPI says it: either scheme is accepted. */
export const API_KEY_SECURITY: { [scheme: string]: readonly string[] }[] = [{ bearerApiKey: [] }, { headerApiKey: [] }];

export const PROBLEM_DETAILS_REF = '#/components/schemas/ProblemDetails';
// zod's JSON Schema type is wider than the OpenAPI SchemaObject @fastify/swagger declares; the value is one.
export const problemDetailsJsonSchema = z.toJSONSchema(problemDetailsSchema, { target: 'openapi-3.0' }) as {
  type: 'object';
};

interface DocumentedSchema extends FastifySchema {
  hide?: boolean;
}

/** Each status our error handler emits, with the codes a client can branch on. */
const PROBLEMS = {
  400: 'Invalid request (VALIDATION_FAILED with `errors[]` naming each field, or MALFORMED_REQUEST)',
  401: 'No valid API key (UNAUTHENTICATED)',
  403: 'The API key lacks a scope this operation needs (FORBIDDEN_SCOPE)',
  404: 'No such resource (NOT_FOUND)',
  409: 'The resource’s state or a concurrent write conflicts with the request (ILLEGAL_STATE, CONFLICT)',
  413: 'Body too large (PAYLOAD_TOO_LARGE)',
  415: 'Body is not JSON (UNSUPPORTED_MEDIA_TYPE)',
  429: 'Rate limit exceeded (RATE_LIMITED; Retry-After says when to retry)',
  500: 'Unexpected error (INTERNAL); the detail never holds internals',
} as const;
type ProblemStatus = keyof typeof PROBLEMS;

const problemResponse = (status: ProblemStatus) => ({
  description: PROBLEMS[status],
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: PROBLEM_DETAILS_REF } } },
});

const methodsOf = (route: RouteOptions) => [route.method].flat().map((method) => method.toLowerCase());

/** `GET /v1/connectors/:id/status` -> `getV1ConnectorsByIdStatus`: unique because method and path are. */
export const operationIdOf = (method: string, url: string): string => {
  const words = url
    .split(/[/_.-]/)
    .filter((segment) => segment.length > 0)
    .map((segment) => (segment.startsWith(':') ? `by-${segment.slice(1)}` : segment))
    .flatMap((segment) => segment.split('-'));
  return method.toLowerCase() + words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
};

const problemStatusesOf = (route: RouteOptions, schema: DocumentedSchema, rateLimited: boolean): ProblemStatus[] => {
  const secured = (schema.security?.length ?? 0) > 0;
  const hasBody = schema.body !== undefined;
  const validated = hasBody || [schema.querystring, schema.params, schema.headers].some((part) => part !== undefined);
  const writes = methodsOf(route).some((method) => method !== 'get' && method !== 'head');
  const routeLimited = (route.config as { rateLimit?: unknown } | undefined)?.rateLimit !== false;
  const applies: [ProblemStatus, boolean][] = [
    [400, validated],
    [401, secured],
    [403, secured],
    [404, route.url.includes(':')],
    [409, secured && writes],
    [413, hasBody],
    [415, hasBody],
    [429, rateLimited && routeLimited],
    [500, true],
  ];
  return applies.filter(([, applicable]) => applicable).map(([status]) => status);
};

/**
 * zod's transform plus what every operation should say and no route file has to repeat: an
 * `operationId`, its security (`[]` for public routes, so generated clients do not send keys there),
 * and the problem-details responses the shared error handling can produce. A status a route
 * documents itself (say /readyz's 503 body) wins over the generic problem.
 */
export const documentOperation =
  (options: { rateLimited: boolean }): SwaggerTransform =>
  (input) => {
    const { schema, url } = jsonSchemaTransform(input);
    // A route without a schema still gets documented; zod's transform passes it through as undefined.
    const documented: DocumentedSchema = schema ?? {};
    if (documented.hide === true) return { schema, url };
    const security = documented.security ?? [];
    const problems = Object.fromEntries(
      problemStatusesOf(input.route, { ...documented, security }, options.rateLimited).map((status) => [
        status,
        problemResponse(status),
      ]),
    );
    const [method = 'get'] = methodsOf(input.route);
    return {
      url,
      schema: {
        ...documented,
        operationId: documented.operationId ?? operationIdOf(method, url),
        security,
        response: { ...problems, ...(documented.response ?? {}) },
      },
    };
  };
