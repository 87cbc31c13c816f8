import { AppError } from '@zc/errors';
import type { FastifyInstance } from 'fastify';

const malformed = (detail: string): AppError =>
  new AppError({ code: 'MALFORMED_REQUEST', status: 400, title: 'Bad Request', detail });

/** Keys that would reach a prototype once code merges the body into another object. */
const forbiddenKeyIn = (value: unknown, path: string): string | null => {
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = forbiddenKeyIn(item, `${path}[${String(index)}]`);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === '__proto__') return `${path}.__proto__`;
    if (key === 'constructor' && typeof item === 'object' && item !== null && Object.hasOwn(item, 'prototype')) {
      return `${path}.constructor.prototype`;
    }
    const found = forbiddenKeyIn(item, `${path}.${key}`);
    if (found !== null) return found;
  }
  return null;
};

/**
 * The only body parser: JSON, with two distinct answers Fastify's default folds into one ("Body is
 * not valid JSON"): text that does not parse, and JSON that parses but carries a prototype-polluting
 * key. Every other media type is left unparsed, so Fastify answers 415.
 */
export function useJsonOnly(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim().length === 0) {
      done(malformed('The body is empty but the content type is application/json.'), undefined);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // The parser's message quotes the body, which may hold a secret the caller mistyped.
      done(malformed('The body is not valid JSON.'));
      return;
    }
    const forbidden = forbiddenKeyIn(parsed, 'body');
    if (forbidden !== null) {
      done(
        new AppError({
          code: 'FORBIDDEN_JSON_KEY',
          status: 400,
          title: 'Bad Request',
          detail: `The body is valid JSON but ${forbidden} is not accepted (it would reach an object prototype).`,
          fields: [{ field: forbidden, message: 'is not accepted' }],
        }),
      );
      return;
    }
    done(null, parsed);
  });
}
