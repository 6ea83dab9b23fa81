import { isAxiosError } from 'axios';
import { isBodyTooLarge } from '../errors/axios-answers.js';

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
 * Decides whether a failed attempt is retried (stripe-node's policy): connection errors, timeouts and bodies
 * cut off mid-way, 429 and 502/503/504, never another 4xx, and only for calls that are safe to repeat.
 * The wait is `max(backoff, Retry-After)`: a `Retry-After: 0` still backs off. A `Retry-After` longer than
 * `retryMaxDelayMs` is not waited out but surfaced on the error (`retryAfterMs`), so every wait is at most
 * `retryMaxDelayMs` and one call waits at most `maxRetries × retryMaxDelayMs` in all.
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
  const transient =
    isAxiosError(error) &&
    error.code !== 'ERR_CANCELED' &&
    // A body over the cap is not transient: the same request would bring the same body.
    !isBodyTooLarge(error) &&
    (status === undefined || status < 300 || RETRYABLE_STATUS.has(status));
  if (!retrySafe || !transient || attempt > settings.maxRetries) return { retry: false, delayMs: 0, retryAfterMs };
  if (retryAfterMs !== undefined && retryAfterMs > settings.retryMaxDelayMs) return { retry: false, delayMs: 0, retryAfterMs };
  return { retry: true, delayMs: Math.max(backoffDelay(attempt, settings, random), retryAfterMs ?? 0), retryAfterMs };
}

/** Exponential backoff with jitter: base·2^(attempt-1), capped, then scaled into [50%, 100%]. */
export function backoffDelay(attempt: number, settings: RetrySettings, random = Math.random): number {
  const ceiling = Math.min(settings.retryMaxDelayMs, settings.retryBaseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

// An HTTP date (RFC 9110 §5.6.7), e.g. `Wed, 25 Nov 2026 10:00:04 GMT`; `Date.parse` alone takes `-1` as a year.
const HTTP_DATE = /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Reads `Retry-After` as seconds or as an HTTP date; `undefined` when absent, negative, garbage or absurd
 * (a header we ignore falls back to plain backoff).
 */
export function parseRetryAfter(value: unknown, nowMs = Date.now()): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d{1,10}(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!HTTP_DATE.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
