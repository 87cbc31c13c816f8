import { unsafeCharacterIn, unsafeCharacterMessage } from '@zc/contracts';
import { ValidationError, type FieldError } from '@zc/errors';
import type { FastifyInstance } from 'fastify';

const unsafeFieldsOf = (context: string, values: unknown): FieldError[] => {
  if (typeof values !== 'object' || values === null) return [];
  const fields: FieldError[] = [];
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    // A repeated query parameter arrives as an array of strings.
    for (const item of [value].flat()) {
      const found = typeof item === 'string' ? unsafeCharacterIn(item) : null;
      if (found !== null) {
        fields.push({ field: `${context}.${key}`, message: unsafeCharacterMessage(found) });
        break;
      }
    }
    const keyFound = unsafeCharacterIn(key);
    if (keyFound !== null)
      fields.push({ field: context, message: `a parameter name ${unsafeCharacterMessage(keyFound)}` });
  }
  return fields;
};

/**
 * Every query and path parameter of every route refuses control and bidi formatting characters
 * (see safeText in @zc/contracts), whatever the route's own schema says: URL-borne text reaches
 * logs, views and filters. Bodies are checked by their zod schemas (safeText on each text field).
 */
export function rejectUnsafeUrlText(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const fields = [...unsafeFieldsOf('params', request.params), ...unsafeFieldsOf('querystring', request.query)];
    done(fields.length > 0 ? new ValidationError('The request is invalid.', { fields }) : undefined);
  });
}
