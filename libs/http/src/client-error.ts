import { AppError, PROBLEM_CONTENT_TYPE, toProblemDetails } from '@zc/errors';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

interface ConnectionError extends Error {
  code?: string;
}

/** What node's parser rejects before Fastify sees a request: headers (or the URL) too large, timeouts, garbage. */
const problemOf = (error: ConnectionError): AppError => {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return new AppError({
      code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
      status: 431,
      title: 'Request Header Fields Too Large',
      detail: 'The request line or headers exceed the server limit (16 KB); send long values in a body instead.',
    });
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new AppError({
      code: 'REQUEST_TIMEOUT',
      status: 408,
      title: 'Request Timeout',
      detail: 'The request was not received in time.',
    });
  }
  return new AppError({
    code: 'MALFORMED_REQUEST',
    status: 400,
    title: 'Bad Request',
    detail: 'The request is not valid HTTP.',
  });
};

/**
 * Fastify's clientErrorHandler: the node server answers these itself, outside every route and
 * hook, so without this they carry Fastify's own `{"error", "message"}` body instead of problem details.
 */
export function problemClientErrorHandler(error: ConnectionError, socket: Socket): void {
  // A reset socket is gone already; a non-writable one cannot carry an answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  const problem = problemOf(error);
  const body = JSON.stringify(toProblemDetails(problem));
  socket.end(
    [
      `HTTP/1.1 ${String(problem.status)} ${STATUS_CODES[problem.status] ?? problem.title}`,
      `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
      `Content-Length: ${String(Buffer.byteLength(body))}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}
