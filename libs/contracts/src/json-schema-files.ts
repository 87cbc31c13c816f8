import { z } from 'zod';
import { allEventDefinitions, eventDefinitionsOf } from './event-registry';
import { TOPIC_NAMES } from './topic-names';

const render = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The `format` values JSON Schema 2020-12 defines. zod also emits its own (`base64`, `cuid`, ...), which
 * standard validators reject at compile time; those keep zod's `pattern` and `contentEncoding` instead.
 */
const STANDARD_FORMATS = new Set([
  'date-time',
  'date',
  'time',
  'duration',
  'email',
  'idn-email',
  'hostname',
  'idn-hostname',
  'ipv4',
  'ipv6',
  'uri',
  'uri-reference',
  'iri',
  'iri-reference',
  'uuid',
  'uri-template',
  'json-pointer',
  'relative-json-pointer',
  'regex',
]);

const dropNonStandardFormat = ({ jsonSchema }: { jsonSchema: { format?: string } }) => {
  if (jsonSchema.format !== undefined && !STANDARD_FORMATS.has(jsonSchema.format)) delete jsonSchema.format;
};

export const jsonSchemaFileName = (type: string, schemaVersion: number) => `${type}.v${schemaVersion}.schema.json`;

/**
 * The checked-in JSON Schema export, as file name -> content, so the export script and the staleness test
 * share one source. Schemas describe the wire (zod's input side): readers in other languages validate
 * what they receive, and extra properties stay allowed so a newer writer does not break them.
 */
export function jsonSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const definition of allEventDefinitions()) {
    const { $schema, ...schema } = z.toJSONSchema(definition.schema, {
      io: 'input',
      override: dropNonStandardFormat,
    });
    files.set(
      jsonSchemaFileName(definition.type, definition.schemaVersion),
      render({
        $schema,
        $id: `urn:zc:event:${definition.type}:v${definition.schemaVersion}`,
        title: `${definition.type} v${definition.schemaVersion}`,
        description: `An event on the ${definition.topic} topic; header event-type=${definition.type}, schema-version=${definition.schemaVersion}.`,
        ...schema,
      }),
    );
  }
  files.set('index.json', render(indexOfTopics()));
  return files;
}

/** Lets a reader in any language find the schema for a message from its topic and headers alone. */
function indexOfTopics() {
  const versions = allEventDefinitions();
  return {
    topics: TOPIC_NAMES.map((topic) => ({
      topic,
      dlq: `${topic}.dlq`,
      events: eventDefinitionsOf(topic).map(({ type, schemaVersion }) => ({
        type,
        currentVersion: schemaVersion,
        schemas: versions
          .filter((definition) => definition.type === type)
          .map((definition) => jsonSchemaFileName(type, definition.schemaVersion)),
      })),
    })),
  };
}
