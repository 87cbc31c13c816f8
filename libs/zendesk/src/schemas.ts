import { z } from 'zod';

const id = z.number().int();
const time = z.string();

/** Lenient objects: Zendesk adds fields freely; we name what we rely on. */
export const ZendeskUserSchema = z.looseObject({
  id: id.nullable(),
  name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  role: z.string().nullable().optional(),
  role_type: z.number().nullable().optional(),
  custom_role_id: id.nullable().optional(),
  active: z.boolean().optional(),
  suspended: z.boolean().optional(),
  created_at: time.nullable().optional(),
  updated_at: time.nullable().optional(),
  last_login_at: time.nullable().optional(),
});
export type ZendeskUser = z.infer<typeof ZendeskUserSchema>;

export const AuditLogSchema = z.looseObject({
  id,
  url: z.string().optional(),
  action: z.string(),
  action_label: z.string().nullable().optional(),
  actor_id: id.nullable(),
  actor_name: z.string().nullable().optional(),
  source_id: id.nullable().optional(),
  source_type: z.string().nullable().optional(),
  source_label: z.string().nullable().optional(),
  change_description: z.string().nullable().optional(),
  ip_address: z.string().nullable().optional(),
  created_at: time,
});
export type AuditLog = z.infer<typeof AuditLogSchema>;

const CursorMetaSchema = z.object({
  meta: z.object({
    has_more: z.boolean(),
    after_cursor: z.string().nullable().optional(),
    before_cursor: z.string().nullable().optional(),
  }),
  links: z.object({ next: z.string().nullable().optional(), prev: z.string().nullable().optional() }).optional(),
});

export const UsersPageSchema = CursorMetaSchema.extend({ users: z.array(ZendeskUserSchema) });
export const AuditLogsPageSchema = CursorMetaSchema.extend({ audit_logs: z.array(AuditLogSchema) });
export const MeSchema = z.object({ user: ZendeskUserSchema });
export const AuditLogOneSchema = z.object({ audit_log: AuditLogSchema });

/** `GET /api/v2/account`: the account's own name, which account settings do not carry. */
export const ZendeskAccountSchema = z.looseObject({ name: z.string().min(1), subdomain: z.string().optional() });
export type ZendeskAccount = z.infer<typeof ZendeskAccountSchema>;
export const AccountOneSchema = z.object({ account: ZendeskAccountSchema });

export const IncrementalUsersSchema = z.object({
  users: z.array(ZendeskUserSchema),
  after_cursor: z.string().nullable(),
  after_url: z.string().nullable(),
  end_of_stream: z.boolean(),
});
export type IncrementalUsersPage = z.infer<typeof IncrementalUsersSchema>;

export const OAuthTokenSchema = z.looseObject({
  id,
  client_id: id,
  user_id: id,
  token: z.string().optional(),
  scopes: z.array(z.string()),
  created_at: time.nullable().optional(),
  used_at: time.nullable().optional(),
  expires_at: time.nullable().optional(),
  refresh_token_expires_at: time.nullable().optional(),
});
export type OAuthTokenInfo = z.infer<typeof OAuthTokenSchema>;
export const TokenListSchema = z.object({ tokens: z.array(OAuthTokenSchema) });
export const TokenOneSchema = z.object({ token: OAuthTokenSchema });

export const TokenGrantSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  scope: z.string().optional(),
  refresh_token: z.string().nullable().optional(),
  expires_in: z.number().nullable().optional(),
  refresh_token_expires_in: z.number().nullable().optional(),
});
export type TokenGrant = z.infer<typeof TokenGrantSchema>;
