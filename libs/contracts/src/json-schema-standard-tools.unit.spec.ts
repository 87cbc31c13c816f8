import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { allEventDefinitions, currentSchemaVersion, type EventType } from './event-registry';
import { jsonSchemaFileName } from './json-schema-files';
import { validMessage } from './test-support/valid-events';

// A subscriber in another stack compiles the checked-in files, not our zod schemas: test exactly those.
const exportDir = new URL('../json-schema/', import.meta.url);
const schemaFiles = readdirSync(exportDir).filter((name) => name.endsWith('.schema.json'));
const readSchema = (name: string) => JSON.parse(readFileSync(new URL(name, exportDir), 'utf8')) as object;

const standardAjv = () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
};

const current = [...new Map(allEventDefinitions().map((d) => [d.type as EventType, d.schemaVersion])).entries()];

describe('exported JSON Schemas in standard tools (Ajv 2020 + ajv-formats)', () => {
  it.each(schemaFiles)('%s compiles', (name) => {
    expect(() => standardAjv().compile(readSchema(name))).not.toThrow();
  });

  it.each(current)('accepts a valid %s (v%i)', (type, version) => {
    const validate = standardAjv().compile(readSchema(jsonSchemaFileName(type, version)));
    expect(validate(validMessage(type)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('still rejects a sealed secret that is not base64', () => {
    const validate = standardAjv().compile(
      readSchema(jsonSchemaFileName('ConnectorRegistered', currentSchemaVersion('ConnectorRegistered'))),
    );
    const message = validMessage('ConnectorRegistered');
    const data = message.data as { clientSecret: Record<string, string> };
    const bad = { ...message, data: { ...data, clientSecret: { ...data.clientSecret, iv: 'not base64!' } } };
    expect(validate(bad)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toContain('/data/clientSecret/iv');
  });
});
