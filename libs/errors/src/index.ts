export {
  AppError,
  isAppError,
  fieldErrorSchema,
  type AppErrorInit,
  type AppErrorOptions,
  type FieldError,
} from './app-error';
export {
  ValidationError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  IllegalStateError,
  RateLimitedError,
  ServiceUnavailableError,
  UpstreamError,
  InternalError,
} from './http-errors';
export {
  toProblemDetails,
  problemDetailsSchema,
  problemType,
  PROBLEM_CONTENT_TYPE,
  type ProblemDetails,
} from './problem-details';
