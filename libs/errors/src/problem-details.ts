import { z } from 'zod';
import { fieldErrorSchema, isAppError } from './app-error';
import { InternalError } from './http-errors';

/** RFC 9457 problem details plus our stable `code` and validation `errors` extension members. */
export const problemDetailsSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional(),
    /** Extension members some problems add (RFC 9457 §3.2), e.g. `existingConnectorId`. */
  })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.array(fieldErrorSchema)]));
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A URN rather than a URL: stable, and it does not promise a documentation page we do not serve. */
export const problemType = (code: string): string => `urn:zc:problem:${code.toLowerCase().replaceAll('_', '-')}`;

/**
 * Anything that is not an AppError becomes a generic 500 whose detail says nothing about the
 * original: its message may hold internals (queries, hosts, tokens).
 */
export const toProblemDetails = (error: unknown, instance?: string): ProblemDetails => {
  const appError = isAppError(error) ? error : new InternalError();
  return {
    // Extensions first, so none can overwrite a standard member.
    ...appError.extensions,
    type: problemType(appError.code),
    title: appError.title,
    status: appError.status,
    detail: appError.detail,
    code: appError.code,
    ...(instance === undefined ? {} : { instance }),
    ...(appError.fields === undefined || appError.fields.length === 0 ? {} : { errors: [...appError.fields] }),
  };
};
