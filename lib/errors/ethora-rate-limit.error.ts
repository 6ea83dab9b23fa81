import type { EthoraRateLimitState } from '../contract/rate-limit-state.js';
import { EthoraApiError, type EthoraApiErrorDetails } from './ethora-api.error.js';

/** 429: too many requests, still refused after the retries. `retryAfterMs` is the server's `Retry-After`, if it sent one. */
export class EthoraRateLimitError extends EthoraApiError {
  override readonly name = 'EthoraRateLimitError';
  override readonly code = 'rate_limited' as const;
  readonly retryAfterMs?: number;
  /** The rate-limit headers of the refusal (`x-ratelimit-*`, `Retry-After`), as read. */
  readonly rateLimit?: EthoraRateLimitState;

  constructor(details: EthoraApiErrorDetails) {
    super(details);
    this.retryAfterMs = details.retryAfterMs;
    this.rateLimit = details.rateLimit;
  }
}
