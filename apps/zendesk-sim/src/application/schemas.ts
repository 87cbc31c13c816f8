import { z } from 'zod';
import { AuditActionSchema } from '../domain/audit-entry';
import { AccountSettingsSchema } from '../domain/account';
import { TokenModeSchema } from '../domain/oauth-model';
import { RoleSchema } from '../domain/user';

export const CreateAccountSchema = AccountSettingsSchema.extend({
  subdomain: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
});
export type CreateAccountInput = z.input<typeof CreateAccountSchema>;

export const UpdateAccountSchema = AccountSettingsSchema.partial();
export type UpdateAccountInput = z.input<typeof UpdateAccountSchema>;

export const CreateClientSchema = z.object({
  identifier: z.string().min(1),
  name: z.string().min(1).optional(),
  kind: z.enum(['public', 'confidential']).default('confidential'),
  secret: z.string().min(16).optional(),
  redirectUris: z.array(z.url()).min(1),
  userId: z.number().int().optional(),
  tokenMode: TokenModeSchema.nullable().default(null),
  allowedScopes: z.array(z.string()).nullable().default(null),
});
export type CreateClientInput = z.input<typeof CreateClientSchema>;

export const CreateUserSchema = z.object({
  name: z.string().min(1),
  email: z.email(),
  role: RoleSchema.default('agent'),
  customRoleId: z.number().int().nullable().default(null),
  suspended: z.boolean().default(false),
});
export type CreateUserInput = z.input<typeof CreateUserSchema>;

export const SetRoleSchema = z.object({
  role: RoleSchema,
  customRoleId: z.number().int().nullable().default(null),
});
export type SetRoleInput = z.input<typeof SetRoleSchema>;

export const SeedSchema = z.object({
  seed: z.number().int().default(1),
  users: z.number().int().nonnegative().default(50),
  auditPerDay: z.number().int().nonnegative().default(200),
  days: z.number().positive().default(7),
  /** Epoch ms of the range end; defaults to the server clock. */
  endAt: z.number().optional(),
  burstShare: z.number().min(0).max(1).optional(),
  systemShare: z.number().min(0).max(1).optional(),
});
export type SeedInput = z.input<typeof SeedSchema>;

export const AuditEntryInputSchema = z.object({
  /** Epoch ms; defaults to now. */
  createdAt: z.number().optional(),
  action: AuditActionSchema.default('update'),
  actorId: z.number().int().nullable().optional(),
  system: z.boolean().default(false),
  sourceType: z.string().default('user'),
  sourceId: z.number().int().default(1),
  sourceLabel: z.string().default('Simulated'),
  changeDescription: z.string().default(''),
  ipAddress: z.string().nullable().default('198.51.100.7'),
});
export const AddAuditSchema = z.object({
  entries: z.array(AuditEntryInputSchema).min(1),
  /** Entries stay invisible for this long after being added, whatever their created_at. */
  visibleAfterMs: z.number().int().nonnegative().default(0),
});
export type AddAuditInput = z.input<typeof AddAuditSchema>;

export const BurstSchema = z.object({
  at: z.number().optional(),
  count: z.number().int().positive(),
  visibleAfterMs: z.number().int().nonnegative().default(0),
});
export type BurstInput = z.input<typeof BurstSchema>;

export const IssueTokenSchema = z.object({
  userId: z.number().int(),
  clientIdentifier: z.string().optional(),
  scopes: z.array(z.string()).default(['read']),
  expiresIn: z.number().int().positive().optional(),
});
export type IssueTokenInput = z.input<typeof IssueTokenSchema>;

export const RevokeSchema = z.object({
  tokenId: z.number().int().optional(),
  userId: z.number().int().optional(),
  all: z.boolean().default(false),
});
export type RevokeInput = z.input<typeof RevokeSchema>;

export const FaultSchema = z.object({
  count: z.number().int().positive().default(1),
  status: z.number().int().min(200).max(599),
  body: z.enum(['json', 'text', 'html', 'empty', 'malformed-json']).default('json'),
  retryAfterSeconds: z.number().int().nonnegative().nullable().default(null),
  pathPrefix: z.string().nullable().default(null),
});
export type FaultInput = z.input<typeof FaultSchema>;

export const ClockSchema = z.object({
  advanceMs: z.number().optional(),
  skewMs: z.number().optional(),
});
