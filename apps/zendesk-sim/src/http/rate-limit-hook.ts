import type { FastifyReply } from 'fastify';
import type { Account } from '../domain/account';
import { consumeRate, type RateDecision } from '../domain/rate-limit';
import { INCREMENTAL_RATE_LIMIT_MESSAGE, RATE_LIMIT_MESSAGE, sendJson } from './zendesk-errors';

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function take(account: Account, bucket: string, limit: number, nowMs: number): RateDecision {
  const decision = consumeRate(account.windows.get(bucket), nowMs, account.settings.rateLimitWindowMs, limit);
  account.windows.set(bucket, decision.window);
  return decision;
}

/**
 * Counts the request against the account bucket (and the incremental-exports bucket when it is
 * one), sets every header the reference lists (§5.3), and answers 429 when a bucket is spent.
 * Returns true when the request may proceed.
 */
export function applyRateLimit(account: Account, reply: FastifyReply, incremental: boolean, nowMs: number): boolean {
  const main = take(account, 'account', account.rateLimit, nowMs);
  reply.header('x-rate-limit', String(main.limit));
  reply.header('x-rate-limit-remaining', String(main.remaining));
  reply.header('ratelimit-limit', String(main.limit));
  reply.header('ratelimit-remaining', String(main.remaining));
  reply.header('ratelimit-reset', String(seconds(main.resetMs)));
  if (!main.allowed) {
    reply.header('retry-after', String(seconds(main.resetMs)));
    if (account.settings.rateLimitBody === 'text') {
      reply.code(429).type('text/plain; charset=utf-8').send(RATE_LIMIT_MESSAGE);
    } else {
      sendJson(reply, 429, { error: 'APIRateLimitExceeded', description: RATE_LIMIT_MESSAGE });
    }
    return false;
  }
  if (!incremental) return true;
  const inc = take(account, 'incremental-exports', account.settings.incrementalRateLimitPerMinute, nowMs);
  reply.header(
    'zendesk-ratelimit-incremental-exports',
    `total=${inc.limit}; remaining=${inc.remaining}; resets=${seconds(inc.resetMs)}`,
  );
  if (!inc.allowed) {
    reply.header('retry-after', String(seconds(inc.resetMs)));
    sendJson(reply, 429, { error: 'APIRateLimitExceeded', description: INCREMENTAL_RATE_LIMIT_MESSAGE });
    return false;
  }
  return true;
}
