import { z } from 'zod';

export const RoleSchema = z.enum(['end-user', 'agent', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

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
