/**
 * Regenerates the console's API types from running services:
 * `npx tsx apps/admin-console/src/cli/update-api-types.ts <auth-service URL> <projection-service URL> <admin key>`
 * (`npm start` prints all three).
 */
import { writeFile } from 'node:fs/promises';
import { apiTypesSource, fetchOpenApi, generatedTypesPath, type ApiDocument } from '../api/openapi-types';

const [authUrl, projectionUrl, apiKey] = process.argv.slice(2);
if (authUrl === undefined || projectionUrl === undefined || apiKey === undefined) {
  process.stderr.write('usage: update-api-types.ts <auth-service URL> <projection-service URL> <admin key>\n');
  process.exit(2);
}
const sources: Record<ApiDocument, string> = { 'auth-service': authUrl, 'projection-service': projectionUrl };
for (const [service, url] of Object.entries(sources) as [ApiDocument, string][]) {
  await writeFile(generatedTypesPath(service), await apiTypesSource(service, await fetchOpenApi(url, apiKey)));
  process.stdout.write(`wrote ${generatedTypesPath(service).pathname}\n`);
}
