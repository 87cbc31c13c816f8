import { z } from 'zod';

export const RoleSchema = z.enum(['end-user', 'agent', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/**
 * Generated custom roles are numbered apart from the shared id counter (users, clients, tokens and
 * entries from 360,000,000,001 up), so a custom_role_id never names a user or anything else.
 */
export const CUSTOM_ROLE_IDS: readonly number[] = [350_000_000_001, 350_000_000_002, 350_000_000_003];

export function customRoleId(index: number): number {
  return CUSTOM_ROLE_IDS[index % CUSTOM_ROLE_IDS.length] ?? 350_000_000_001;
}

export interface SimUser {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  /** 0 custom agent ... 5 billing admin; null for standard agents and admins (reference §2). */
  readonly roleType: number | null;
  readonly customRoleId: number | null;
  readonly active: boolean;
  readonly suspended: boolean;
  /** Unix seconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly lastLoginAt: number | null;
  readonly timeZone: string;
  readonly ianaTimeZone: string;
  readonly locale: string;
  readonly organizationId: number | null;
  readonly tags: readonly string[];
}
