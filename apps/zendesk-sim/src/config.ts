import { z } from 'zod';

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8089),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Seconds between generated demo activities. */
  SIM_ACTIVITY_INTERVAL_S: z.coerce.number().positive().default(5),
});
export type SimConfig = z.infer<typeof ConfigSchema>;

/** Fails fast naming every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv): SimConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const keys = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid zendesk-sim configuration: ${keys}`);
  }
  return parsed.data;
}
