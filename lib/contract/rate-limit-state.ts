/** What Ethora last said about its rate limit. Every field is optional: servers send some, all or none of them. */
export interface EthoraRateLimitState {
  /** `x-ratelimit-limit`: requests allowed per window. */
  readonly limit?: number;
  /** `x-ratelimit-remaining`: requests left in the window. */
  readonly remaining?: number;
  /** `x-ratelimit-reset`, as a time: seconds until reset, or epoch seconds when the value is that large. */
  readonly resetAt?: Date;
  /** `Retry-After`, in ms (sent as seconds or as an HTTP date). */
  readonly retryAfterMs?: number;
  /** The status of the answer that carried it (429 when refused). */
  readonly status: number;
  /** When that answer arrived. */
  readonly observedAt: Date;
}
