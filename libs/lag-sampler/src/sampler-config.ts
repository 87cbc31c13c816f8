import { LagWindowOptions } from '@zc/lag-monitor';
import { z } from 'zod';

const GroupId = z.string().min(1);

/** The plain, env-parsable part of a sampler's settings; the Kafka admin and the clock are passed beside it. */
export const LagSamplerConfig = z.object({
  /** Groups the hosting product runs: always sampled, and reported NOTFOUND until they first commit. */
  groups: z.array(GroupId).default([]),
  /** More groups an operator wants watched (another team's consumers, say). */
  extraGroups: z.array(GroupId).default([]),
  /** Also sample every group the broker lists; off by default since a shared cluster may hold thousands. */
  discoverGroups: z.boolean().default(false),
  /** Poll period; kafka-lag-exporter polls every 30 s, Burrow every commit. 10 s keeps alerts quick. */
  intervalMs: z.int().min(50).default(10_000),
  /** Burrow window options handed to the LagMonitor (commits kept, allowed lag, expiry). */
  window: LagWindowOptions.partial().default({}),
});
export type LagSamplerConfigInput = z.input<typeof LagSamplerConfig>;
export type LagSamplerConfig = z.output<typeof LagSamplerConfig>;
