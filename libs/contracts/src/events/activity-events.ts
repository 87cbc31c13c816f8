import { z } from 'zod';
import { defineEvent, type EventOf } from '../envelope';
import { IsoDateTime, ZendeskAccount, ZendeskId } from '../primitives';
import { activityIdFor } from './activity-id';

export const ActivityActor = z.object({
  /** Zendesk's `actor_id`; system actions use a non-user id such as -1, so any integer is accepted. */
  id: z.int(),
  /** For system actions the Zendesk account name, so every activity has a readable actor (design §1.6). */
  name: z.string(),
  type: z.enum(['user', 'system']),
});
export type ActivityActor = z.infer<typeof ActivityActor>;

export const ActivitySource = z.object({
  type: z.string().min(1),
  id: z.int().nullable(),
  label: z.string(),
});
export type ActivitySource = z.infer<typeof ActivitySource>;

export const ZendeskActivityRecorded = defineEvent(
  'ZendeskActivityRecorded',
  1,
  z
    .object({
      activityId: z.string().regex(/^zd:[a-z0-9][a-z0-9-]*:\d+$/),
      account: ZendeskAccount,
      auditLogId: ZendeskId,
      /** Zendesk's `created_at`. */
      occurredAt: IsoDateTime,
      collectedAt: IsoDateTime,
      actor: ActivityActor,
      action: z.string().min(1),
      actionLabel: z.string(),
      source: ActivitySource,
      description: z.string(),
      ipAddress: z.string().min(1).nullable(),
      /** The audit-log record as Zendesk returned it, for subscribers needing fields we do not map. */
      raw: z.record(z.string(), z.unknown()),
    })
    .refine((activity) => activity.activityId === activityIdFor(activity.account, activity.auditLogId), {
      message: 'activityId must be activityIdFor(account, auditLogId)',
      path: ['activityId'],
    }),
);
export type ZendeskActivityRecorded = EventOf<typeof ZendeskActivityRecorded>;

export const activityEventDefinitions = [ZendeskActivityRecorded] as const;

export const ActivityEvent = z.discriminatedUnion('type', [ZendeskActivityRecorded.schema]);
export type ActivityEvent = z.infer<typeof ActivityEvent>;
