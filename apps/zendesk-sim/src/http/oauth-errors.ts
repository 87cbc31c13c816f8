import type { FastifyReply } from 'fastify';
import { sendJson } from './zendesk-errors';

/** Doorkeeper's standard descriptions, which Zendesk's OAuth provider follows (reference §1.4). */
const DESCRIPTIONS = {
  invalid_client:
    'The client identifier provided is invalid, the client failed to authenticate, the client did not include its credentials, provided multiple client credentials, or used unsupported credentials type.',
  invalid_grant:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  invalid_request:
    'The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.',
  invalid_scope: 'The requested scope is invalid, unknown, or malformed.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
  unauthorized_client: 'The client is not authorized to perform this request using this method.',
} as const;

export type OAuthErrorCode = keyof typeof DESCRIPTIONS;

export function sendOAuthError(reply: FastifyReply, code: OAuthErrorCode, detail?: string): FastifyReply {
  const status = code === 'invalid_client' ? 401 : 400;
  return sendJson(reply, status, { error: code, error_description: detail ?? DESCRIPTIONS[code] });
}

export function oauthDescription(code: OAuthErrorCode): string {
  return DESCRIPTIONS[code];
}
