import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Account, Fault } from '../domain/account';
import { sendJson } from './zendesk-errors';

/** Takes one use of the first fault matching the path, if any. */
export function takeFault(account: Account, path: string): Fault | undefined {
  const fault = account.faults.find((f) => f.remaining > 0 && (f.pathPrefix === null || path.startsWith(f.pathPrefix)));
  if (!fault) return undefined;
  fault.remaining -= 1;
  if (fault.remaining === 0) account.faults.splice(account.faults.indexOf(fault), 1);
  return fault;
}

export function sendFault(reply: FastifyReply, fault: Fault): FastifyReply {
  if (fault.retryAfterSeconds !== null) reply.header('retry-after', String(fault.retryAfterSeconds));
  // The status's own reason phrase, as a proxy or load balancer in front of Zendesk would write it.
  const reason = STATUS_CODES[fault.status] ?? 'Error';
  switch (fault.body) {
    case 'json':
      return sendJson(reply, fault.status, { error: 'SimulatedFailure', description: `Injected ${fault.status}` });
    case 'text':
      return reply.code(fault.status).type('text/plain; charset=utf-8').send(reason);
    case 'html':
      return reply.code(fault.status).type('text/html; charset=utf-8').send(`<html><body>${reason}</body></html>`);
    case 'empty':
      return reply.code(fault.status).send();
    case 'malformed-json':
      // A truncated document, as a proxy cutting a response short would produce.
      return reply.code(fault.status).type('application/json; charset=utf-8').send('{"audit_logs":[{"id":1,');
  }
}
