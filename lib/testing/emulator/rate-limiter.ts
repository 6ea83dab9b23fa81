/** A token bucket per app: `requestsPerSecond` refill, `burst` capacity (default: one second's worth). */
export interface RateLimitSettings {
  requestsPerSecond: number;
  burst?: number;
}

/** The outcome for one request. @internal */
export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * The emulator's rate limit: one bucket per app, keyed by the app the token names. A refused
 * request answers 429 with `Retry-After` in whole seconds and the `x-ratelimit-*` headers, so a client's
 * back-off can be tested against a real limiter rather than a scripted fault.
 * @internal
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly rate: number;
  private readonly burst: number;

  constructor(settings: RateLimitSettings, private readonly now: () => number = () => performance.now()) {
    if (!(settings.requestsPerSecond > 0) || !Number.isFinite(settings.requestsPerSecond)) throw new TypeError('rateLimit.requestsPerSecond must be a positive number');
    this.rate = settings.requestsPerSecond;
    this.burst = settings.burst ?? Math.max(1, Math.ceil(settings.requestsPerSecond));
    if (!Number.isInteger(this.burst) || this.burst < 1) throw new TypeError('rateLimit.burst must be a positive integer');
  }

  take(key: string): RateDecision {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.rate);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const secondsToOne = allowed ? 0 : (1 - bucket.tokens) / this.rate;
    const secondsToFull = (this.burst - bucket.tokens) / this.rate;
    const headers: Record<string, string> = {
      'x-ratelimit-limit': String(this.burst),
      'x-ratelimit-remaining': String(Math.floor(bucket.tokens)),
      'x-ratelimit-reset': String(Math.ceil(secondsToFull)),
    };
    if (!allowed) headers['retry-after'] = String(Math.max(1, Math.ceil(secondsToOne)));
    return { allowed, headers };
  }

  clear(): void {
    this.buckets.clear();
  }
}
