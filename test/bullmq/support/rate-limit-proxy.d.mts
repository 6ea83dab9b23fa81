export interface RateLimitProxyStats {
  passed: number;
  limited: number;
  maxPerSecond: number;
}
export interface RateLimitProxy {
  url: string;
  stats(): RateLimitProxyStats;
  stop(): Promise<void>;
}
export function startRateLimitProxy(options: { target: string; rate: number; burst?: number; retryAfterSeconds?: number }): Promise<RateLimitProxy>;
