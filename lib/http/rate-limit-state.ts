import { isAxiosError } from 'axios';
import type { EthoraRateLimitState } from '../contract/rate-limit-state.js';
import { parseRetryAfter } from './retry-policy.js';

// A reset value this large cannot be a delay in seconds (that would be 30 years): it is an epoch time.
const EPOCH_SECONDS_FLOOR = 1e9;

/**
 * Reads the rate-limit headers of one answer; `undefined` when it carries none (and is not a 429, which is
 * itself rate-limit state). `headers` are axios' (lower-case names).
 */
export function readRateLimitState(headers: unknown, status: number, nowMs = Date.now()): EthoraRateLimitState | undefined {
  const get = (name: string): unknown => (headers as Record<string, unknown> | undefined)?.[name];
  const limit = nonNegative(get('x-ratelimit-limit'));
  const remaining = nonNegative(get('x-ratelimit-remaining'));
  const reset = nonNegative(get('x-ratelimit-reset'));
  const retryAfterMs = parseRetryAfter(get('retry-after'), nowMs);
  if (limit === undefined && remaining === undefined && reset === undefined && retryAfterMs === undefined && status !== 429) return undefined;
  const resetAt = reset === undefined ? undefined : new Date(reset >= EPOCH_SECONDS_FLOOR ? reset * 1000 : nowMs + reset * 1000);
  return Object.freeze({
    ...(limit !== undefined && { limit }),
    ...(remaining !== undefined && { remaining }),
    ...(resetAt && { resetAt }),
    ...(retryAfterMs !== undefined && { retryAfterMs }),
    status,
    observedAt: new Date(nowMs),
  });
}

/** What a failed attempt's 429 answer said about the rate limit, for `EthoraRateLimitError.rateLimit`. @internal */
export function rateLimitOfRefusal(error: unknown): EthoraRateLimitState | undefined {
  const response = isAxiosError(error) ? error.response : undefined;
  return response?.status === 429 ? readRateLimitState(response.headers, 429) : undefined;
}

/** Keeps the last known rate-limit state; answers without rate-limit headers leave it as it was. @internal */
export class RateLimitTracker {
  private last: EthoraRateLimitState | undefined;

  get state(): EthoraRateLimitState | undefined {
    return this.last;
  }

  record(headers: unknown, status: number): void {
    this.last = readRateLimitState(headers, status) ?? this.last;
  }
}

function nonNegative(value: unknown): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string' && typeof text !== 'number') return undefined;
  const number = Number(text);
  return Number.isFinite(number) && number >= 0 && String(text).trim() !== '' ? number : undefined;
}
