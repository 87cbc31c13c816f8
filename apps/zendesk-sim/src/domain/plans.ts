import { z } from 'zod';

export const PlanSchema = z.enum(['team', 'growth', 'professional', 'enterprise', 'enterprise_plus']);
export type Plan = z.infer<typeof PlanSchema>;

/** Account-wide Support API limits per minute (reference §5.1). */
export const PLAN_RATE_LIMITS: Readonly<Record<Plan, number>> = {
  team: 200,
  growth: 400,
  professional: 400,
  enterprise: 700,
  enterprise_plus: 2500,
};

/** Audit logs are an Enterprise feature (reference §4.1). */
export function planHasAuditLogs(plan: Plan): boolean {
  return plan === 'enterprise' || plan === 'enterprise_plus';
}
