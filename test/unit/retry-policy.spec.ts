import { describe, expect, it } from '@jest/globals';
import { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import { backoffDelay, decideRetry, parseRetryAfter } from '../../lib/http/retry-policy.js';

const settings = { maxRetries: 2, retryBaseDelayMs: 500, retryMaxDelayMs: 5_000 };

function httpError(status: number, headers: Record<string, string> = {}): AxiosError {
  const response = { status, statusText: '', headers, data: {}, config: { headers: new AxiosHeaders() } } as AxiosResponse;
  return new AxiosError('failed', 'ERR_BAD_RESPONSE', undefined, undefined, response);
}

describe('decideRetry', () => {
  it.each([429, 502, 503, 504])('retries %i on a retry-safe route', (status) => {
    expect(decideRetry(httpError(status), 1, true, settings, 0, () => 1).retry).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 422, 500])('never retries %i', (status) => {
    expect(decideRetry(httpError(status), 1, true, settings).retry).toBe(false);
  });

  it('retries connection errors and timeouts, but not cancellations', () => {
    expect(decideRetry(new AxiosError('reset', 'ECONNRESET'), 1, true, settings).retry).toBe(true);
    expect(decideRetry(new AxiosError('slow', 'ETIMEDOUT'), 1, true, settings).retry).toBe(true);
    expect(decideRetry(new AxiosError('stop', 'ERR_CANCELED'), 1, true, settings).retry).toBe(false);
  });

  it('does not retry a route that is not safe to repeat', () => {
    expect(decideRetry(httpError(503), 1, false, settings).retry).toBe(false);
  });

  it('stops after maxRetries', () => {
    expect(decideRetry(httpError(503), 2, true, settings).retry).toBe(true);
    expect(decideRetry(httpError(503), 3, true, settings).retry).toBe(false);
  });

  it('waits exactly Retry-After when it is within the cap, and gives up (reporting it) when longer', () => {
    expect(decideRetry(httpError(429, { 'retry-after': '2' }), 1, true, settings)).toEqual({ retry: true, delayMs: 2000, retryAfterMs: 2000 });
    expect(decideRetry(httpError(429, { 'retry-after': '60' }), 1, true, settings)).toEqual({ retry: false, delayMs: 0, retryAfterMs: 60000 });
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt, is capped, and jitters into [50%, 100%]', () => {
    expect(backoffDelay(1, settings, () => 1)).toBe(500);
    expect(backoffDelay(2, settings, () => 1)).toBe(1000);
    expect(backoffDelay(2, settings, () => 0)).toBe(500);
    expect(backoffDelay(10, settings, () => 1)).toBe(5000);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('Wed, 25 Nov 2026 10:00:00 GMT');
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:04 GMT', now)).toBe(4000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
