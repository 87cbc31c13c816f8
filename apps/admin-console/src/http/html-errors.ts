import { isAppError, NotFoundError, ValidationError, type AppError } from '@zc/errors';
import { toAppError } from '@zc/http';
import type { FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { errorPage } from '../pages/error';
import { sendPage } from './context';
import { toSignIn } from './session';

const appErrorOf = (error: unknown): AppError => {
  if (error instanceof ZodError) {
    const fields = error.issues.map((issue) => ({ field: issue.path.join('.') || 'request', message: issue.message }));
    // A malformed id in a path is a page that does not exist; anything else a bad request.
    return fields.some((f) => f.field === 'id')
      ? new NotFoundError('There is no such page.')
      : new ValidationError('The request is invalid.', { fields });
  }
  return isAppError(error) ? error : toAppError(error);
};

/** Errors on pages are pages: what went wrong, its stable code, what to do; never a stack or a key. */
export function installHtmlErrors(app: FastifyInstance, pollIntervalMs: number): void {
  app.setErrorHandler(async (error, request, reply) => {
    const appError = appErrorOf(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'console page failed');
    // The key was revoked or expired behind the session's back: sign in again.
    if (appError.status === 401 && request.consoleUser !== null) {
      await request.session.destroy();
      return toSignIn(request, reply);
    }
    const context = {
      csrfToken: reply.generateCsrf(),
      abilities: request.consoleUser?.abilities ?? null,
      section: 'error' as const,
      pollIntervalMs,
    };
    return sendPage(reply, errorPage(context, appError), appError.status);
  });
}
