import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from './json-schema-files';

const exportDir = new URL('../json-schema/', import.meta.url);
const REGENERATE = 'run `npx tsx libs/contracts/src/export-json-schema.ts` and commit the result';

describe('checked-in JSON Schema export', () => {
  const expected = jsonSchemaFiles();

  it(`lists exactly the current files (${REGENERATE})`, () => {
    expect(readdirSync(exportDir).sort()).toEqual([...expected.keys()].sort());
  });

  it.each([...expected.keys()])(`%s is up to date (${REGENERATE})`, (name) => {
    expect(readFileSync(new URL(name, exportDir), 'utf8')).toBe(expected.get(name));
  });

  it('lets newer writers add fields without breaking readers in other languages', () => {
    for (const content of expected.values()) expect(content).not.toContain('"additionalProperties": false');
  });

  it('exports secrets only as encrypted blobs', () => {
    const schema = JSON.parse(expected.get('ConnectorRegistered.v2.schema.json')!) as {
      properties: { data: { properties: { clientSecret: { required: string[] } } } };
    };
    expect(schema.properties.data.properties.clientSecret.required).toEqual(['keyId', 'iv', 'ciphertext', 'tag']);
  });
});
