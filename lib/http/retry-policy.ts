import { isAxiosError } from 'axios';

/** Retry knobs, taken from the resolved module options. */
export interface RetrySettings {
  maxRetries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
}

/** The verdict on one failed attempt. */
export interface RetryDecision {
  retry: boolean;
  /** How long to wait before the next attempt. */
  delayMs: number;
  /** The server's `Retry-After`, in ms, when it sent one. */
  retryAfterMs?: number;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/**
 * Decides whether a failed attempt is retried (stripe-node's policy): connection errors and timeouts,
 * 429 and 502/503/504, never another 4xx, and only for calls that are safe to repeat.
 * A `Retry-After` within `retryMaxDelayMs` is honoured exactly; a longer one is not waited out but
 * surfaced on the error (`retryAfterMs`), so a request does not hang for minutes.
 */
export function decideRetry(
  error: unknown,
  attempt: number,
  retrySafe: boolean,
  settings: RetrySettings,
  nowMs = Date.now(),
  random = Math.random,
): RetryDecision {
  const status = isAxiosError(error) ? error.response?.status : undefined;
  const header = isAxiosError(error) ? error.response?.headers?.['retry-after'] : undefined;
  const retryAfterMs = parseRetryAfter(header, nowMs);
  const transient = isAxiosError(error) && error.code !== 'ERR_CANCELED' && (status === undefined || RETRYABLE_STATUS.has(status));
  if (!retrySafe || !transient || attempt > settings.maxRetries) return { retry: false, delayMs: 0, retryAfterMs };
  if (retryAfterMs !== undefined) {
    return retryAfterMs <= settings.retryMaxDelayMs
      ? { retry: true, delayMs: retryAfterMs, retryAfterMs }
      : { retry: false, delayMs: 0, retryAfterMs };
  }
  return { retry: true, delayMs: backoffDelay(attempt, settings, random) };
}

/** Exponential backoff with jitter: base·2^(attempt-1), capped, then scaled into [50%, 100%]. */
export function backoffDelay(attempt: number, settings: RetrySettings, random = Math.random): number {
  const ceiling = Math.min(settings.retryMaxDelayMs, settings.retryBaseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

/** Reads `Retry-After` as seconds or as an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: unknown, nowMs = Date.now()): number | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
