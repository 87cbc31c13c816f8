/**
 * Regenerates libs/contracts/json-schema from the zod schemas: `npx tsx libs/contracts/src/export-json-schema.ts`.
 * Commit the result; json-schema-export.unit.spec.ts fails while the checked-in copy is stale.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaFiles } from './json-schema-files';

const outputDir = fileURLToPath(new URL('../json-schema/', import.meta.url));
const files = jsonSchemaFiles();

mkdirSync(outputDir, { recursive: true });
// Files of event versions that no longer exist must go, or readers would trust a schema nobody writes.
for (const name of readdirSync(outputDir)) {
  if (!files.has(name)) rmSync(join(outputDir, name));
}
for (const [name, content] of files) writeFileSync(join(outputDir, name), content);

console.log(`wrote ${files.size} files to ${outputDir}`);
