import { z } from 'zod';
import { AuditStore } from './audit-store';
import type { AuthCode, OAuthClient } from './oauth-model';
import { TokenModeSchema } from './oauth-model';
import { PLAN_RATE_LIMITS, PlanSchema } from './plans';
import type { RateWindow } from './rate-limit';
import { TokenStore } from './token-store';
import { UserStore } from './user-store';

/** Every behaviour the reference marks unconfirmed is a setting here. */
export const AccountSettingsSchema = z.object({
  name: z.string().min(1).optional(),
  plan: PlanSchema.default('enterprise'),
  /** null: the plan's default limit. */
  rateLimitPerMinute: z.number().int().positive().nullable().default(null),
  incrementalRateLimitPerMinute: z.number().int().positive().default(10),
  /** Window length of every bucket; tests shrink it instead of waiting a minute. */
  rateLimitWindowMs: z.number().int().positive().default(60_000),
  rateLimitBody: z.enum(['json', 'text']).default('json'),
  tokenMode: TokenModeSchema.default('legacy'),
  auditLogsUnavailable: z.enum(['forbidden', 'not_found']).default('forbidden'),
  systemActorId: z.number().int().nullable().default(-1),
  systemActorName: z.string().default('Zendesk'),
  oauthAutoApprove: z.enum(['allow', 'deny']).nullable().default(null),
  loggedInUserId: z.number().int().nullable().default(null),
  /** Community reports: DELETE current returns 204 without revoking (reference §1.7). */
  deleteCurrentTokenIsNoop: z.boolean().default(false),
  latencyMs: z.number().int().nonnegative().default(0),
  /** `WWW-Authenticate: Bearer …` beside 401 invalid_token, which "probably" accompanies it (§1.4). */
  invalidTokenWwwAuthenticate: z.boolean().default(true),
  /** Seconds a start_time must lie in the past for incremental exports. */
  incrementalMinAgeSeconds: z.number().int().nonnegative().default(60),
});
export type AccountSettings = z.infer<typeof AccountSettingsSchema>;
export type AccountSettingsInput = z.input<typeof AccountSettingsSchema>;

export interface Fault {
  remaining: number;
  readonly status: number;
  readonly body: 'json' | 'text' | 'html' | 'empty' | 'malformed-json';
  readonly retryAfterSeconds: number | null;
  readonly pathPrefix: string | null;
}

export class Account {
  readonly users = new UserStore();
  readonly audit = new AuditStore();
  readonly clients = new Map<string, OAuthClient>();
  readonly codes = new Map<string, AuthCode>();
  readonly tokens = new TokenStore();
  readonly windows = new Map<string, RateWindow>();
  readonly faults: Fault[] = [];

  constructor(
    readonly subdomain: string,
    public settings: AccountSettings,
  ) {}

  get rateLimit(): number {
    return this.settings.rateLimitPerMinute ?? PLAN_RATE_LIMITS[this.settings.plan];
  }

  clientById(id: number): OAuthClient | undefined {
    return [...this.clients.values()].find((c) => c.id === id);
  }

  /** The account owner: the first admin, as Zendesk has no owner flag on users. */
  owner(): number | undefined {
    return this.users.all().find((u) => u.role === 'admin')?.id;
  }
}
