import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

/** The services whose OpenAPI documents the console's API types are generated from. */
export const API_DOCUMENTS = ['auth-service', 'projection-service'] as const;
export type ApiDocument = (typeof API_DOCUMENTS)[number];

export const generatedTypesPath = (service: ApiDocument): URL => new URL(`./generated/${service}.ts`, import.meta.url);

/**
 * TypeScript types of a service's API from its served OpenAPI document (which @fastify/swagger derives from
 * the service's zod schemas), formatted like the rest of the repo so the committed copy can be compared.
 */
export async function apiTypesSource(service: ApiDocument, document: unknown): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  const header = [
    `// Generated from ${service}'s GET /openapi.json by apps/admin-console/src/cli/update-api-types.ts; do not edit.`,
    '// The console e2e test fails when this copy and the served document disagree.',
    '',
  ].join('\n');
  const path = generatedTypesPath(service).pathname;
  const options = (await resolveConfig(path)) ?? {};
  return format(`${header}${astToString(ast)}`, { ...options, filepath: path });
}

/** Fetches a running service's OpenAPI document. */
export async function fetchOpenApi(baseUrl: string, apiKey: string): Promise<unknown> {
  const response = await fetch(new URL('/openapi.json', baseUrl), { headers: { authorization: `Bearer ${apiKey}` } });
  if (!response.ok) throw new Error(`${baseUrl}/openapi.json answered ${String(response.status)}`);
  return response.json();
}
