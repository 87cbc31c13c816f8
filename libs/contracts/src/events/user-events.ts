import { z } from 'zod';
import { defineEvent, type EventOf } from '../envelope';
import { IsoDateTime, ZendeskAccount, ZendeskId, ZendeskRole } from '../primitives';

/** A full snapshot, not a diff: `zendesk.users` is compacted, so the latest message per user must stand alone. */
export const ZendeskUserObserved = defineEvent(
  'ZendeskUserObserved',
  1,
  z.object({
    account: ZendeskAccount,
    id: ZendeskId,
    name: z.string(),
    /** Zendesk allows users without an email (e.g. some end users). */
    email: z.string().min(1).nullable(),
    role: ZendeskRole,
    customRoleId: ZendeskId.nullable(),
    suspended: z.boolean(),
    active: z.boolean(),
    lastLoginAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  }),
);
export type ZendeskUserObserved = EventOf<typeof ZendeskUserObserved>;

export const userEventDefinitions = [ZendeskUserObserved] as const;

export const UserEvent = z.discriminatedUnion('type', [ZendeskUserObserved.schema]);
export type UserEvent = z.infer<typeof UserEvent>;
