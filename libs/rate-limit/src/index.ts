export { TokenBucket, type TokenBucketOptions } from './token-bucket';
export { SlidingWindowLimiter, type SlidingWindowOptions } from './sliding-window';
export { AdaptiveLimiter, type AdaptiveLimiterOptions, type QuotaObservation } from './adaptive-limiter';
export { AdaptiveBudget, type AdaptiveBudgetOptions, type AcquireOptions, type BudgetStats } from './adaptive-budget';
export type { Clock, Sleep, TakeResult } from './types';
