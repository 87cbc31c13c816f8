import type { FastifyReply } from 'fastify';

/** Zendesk's several error envelopes, verbatim from the reference §1.4 and §6. */
export const INVALID_TOKEN = {
  error: 'invalid_token',
  error_description: 'The access token provided is expired, revoked, malformed or invalid for other reasons.',
};
/** Basic auth (password or API token) that fails, and here also a request with no credentials (§6). */
export const COULD_NOT_AUTHENTICATE = { error: "Couldn't authenticate you" };
export const FORBIDDEN_ROLE = {
  error: {
    title: 'Forbidden',
    message:
      'You do not have access to this page. Please contact the account owner of this help desk for further help.',
  },
};
export const RECORD_NOT_FOUND = { error: 'RecordNotFound', description: 'Not found' };
export const INVALID_ENDPOINT = { error: 'InvalidEndpoint', description: 'Not found' };
export const RATE_LIMIT_MESSAGE = 'Number of allowed API requests per minute exceeded';
export const INCREMENTAL_RATE_LIMIT_MESSAGE = 'Number of allowed incremental export API requests per minute exceeded';

export function missingScopes(scopes: readonly string[]) {
  return { error: 'Forbidden', description: `You are missing the following required scopes: ${scopes.join(' ')}` };
}

export function invalidPagination(description: string) {
  return { error: 'InvalidPaginationParameter', description };
}

export function paginationDepth() {
  return {
    errors: [
      {
        code: 'InvalidPaginationDepth',
        title: 'Invalid pagination depth',
        detail: 'Offset pagination is limited to 100 pages (10,000 records); use cursor pagination.',
      },
    ],
  };
}

export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}
