import { z } from 'zod';

/** Every scope an API key can carry; admin endpoints and internal callers check them. */
export const API_KEY_SCOPES = ['connectors:read', 'connectors:write', 'activities:read'] as const;

export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;

/** Parses "a,b,c" (CLI, env) into known scopes; throws naming the unknown ones. */
export function parseScopeList(list: string): ApiKeyScope[] {
  const parts = list
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const unknown = parts.filter((part) => !apiKeyScopeSchema.safeParse(part).success);
  if (unknown.length > 0) {
    throw new UnknownScopeError(unknown);
  }
  return [...new Set(parts as ApiKeyScope[])];
}

export class UnknownScopeError extends Error {
  readonly code = 'API_KEY_UNKNOWN_SCOPE';
  constructor(readonly scopes: readonly string[]) {
    super(`Unknown scope(s): ${scopes.join(', ')}; known: ${API_KEY_SCOPES.join(', ')}`);
    this.name = 'UnknownScopeError';
  }
}
