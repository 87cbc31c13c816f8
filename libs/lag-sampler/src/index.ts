export { LagSampler, type LagSamplerOptions, type SampleOutcome } from './lag-sampler';
export { LagSamplerConfig, type LagSamplerConfigInput } from './sampler-config';
export { registerLagMetrics, LAG_SAMPLER_METRICS, type LagMetricsSource } from './lag-metrics';
export { lagRoutes, LagQuery, type LagRoutesOptions } from './lag-routes';
export {
  BURROW_STATUS_CODES,
  groupStatusCode,
  partitionStatusCode,
  type BurrowStatusCode,
  type BurrowStatusName,
} from './burrow-codes';
