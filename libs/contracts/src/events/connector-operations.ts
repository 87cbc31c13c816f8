import { z } from 'zod';
import { defineEvent, type EventOf } from '../envelope';
import { TimeWindow } from '../primitives';

export const ConnectionCheck = z.object({
  /** e.g. `token_valid`, `admin_role`, `audit_log_access`; open so new checks do not break readers. */
  name: z.string().min(1),
  ok: z.boolean(),
  /** A stable reason code when the check failed. */
  code: z.string().min(1).optional(),
  message: z.string(),
  durationMs: z.number().nonnegative(),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheck>;

export const ConnectionTested = defineEvent(
  'ConnectionTested',
  1,
  z
    .object({ ok: z.boolean(), checks: z.array(ConnectionCheck).min(1) })
    .refine((result) => result.ok === result.checks.every((check) => check.ok), {
      message: '`ok` must be true exactly when every check passed',
      path: ['ok'],
    }),
);
export type ConnectionTested = EventOf<typeof ConnectionTested>;

export const RecollectionRequested = defineEvent(
  'RecollectionRequested',
  1,
  z.object({
    window: TimeWindow.refine((window) => Date.parse(window.from) < Date.parse(window.to), {
      message: 'window must not be empty',
    }),
  }),
);
export type RecollectionRequested = EventOf<typeof RecollectionRequested>;
