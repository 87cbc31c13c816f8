import { AppError, problemDetailsSchema, UpstreamError } from '@zc/errors';

/**
 * A service's problem details become the console's own AppError with the same code, status and field
 * errors, so the one error handler renders them and forms can place field errors next to their inputs.
 */
export function problemToError(service: string, status: number, body: unknown): AppError {
  const parsed = problemDetailsSchema.safeParse(body);
  if (!parsed.success) {
    return new UpstreamError(`The ${service} answered ${String(status)} without problem details.`);
  }
  const problem = parsed.data;
  return new AppError({
    code: problem.code,
    status: problem.status,
    title: problem.title,
    detail: problem.detail,
    ...(problem.errors === undefined ? {} : { fields: problem.errors }),
  });
}

/** Connection refused or no answer in time: say which service, never the URL's internals. */
export function unreachable(service: string, cause: unknown): AppError {
  if (cause instanceof Error && cause.name === 'TimeoutError') {
    return new UpstreamError(`The ${service} did not answer in time; narrow the filters or try again shortly.`, {
      code: 'UPSTREAM_TIMEOUT',
      cause,
    });
  }
  return new UpstreamError(`The ${service} cannot be reached right now; try again shortly.`, { cause });
}
