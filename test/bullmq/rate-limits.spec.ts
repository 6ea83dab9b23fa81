import { describe, expect, it } from '@jest/globals';
import { limiterWindow } from '../../lib/bullmq/resolve-queue-options.js';
import { ARRIVAL_JITTER_MS, RateLimiter, spacingMs } from '../../lib/http/rate-limiter.js';

/** Most activations any 1 s span (plus arrival jitter) can hold under BullMQ's fixed windows (they start ≥ `duration` apart). */
function worstSecond({ max, duration }: { max: number; duration: number }): number {
  return (Math.floor((1000 + ARRIVAL_JITTER_MS) / duration) + 1) * max;
}

describe('limiterWindow (the BullMQ limiter behind rateLimitPerSecond)', () => {
  it.each([2, 5, 60, 200, 1_000, 5_000])('never lets a 1 s span exceed %i, and keeps most of the rate', (rate) => {
    const window = limiterWindow(rate);
    expect(worstSecond(window)).toBeLessThanOrEqual(rate);
    if (rate >= 60) expect((window.max * 1000) / window.duration).toBeGreaterThan(rate * 0.85);
  });
});

describe('RateLimiter (single process)', () => {
  function clocked(ceiling: number | undefined) {
    let now = 0;
    return { limiter: new RateLimiter(ceiling, () => now), advance: (ms: number) => (now += ms), at: () => now };
  }

  /** Whether `acquire()` has resolved once pending callbacks have run (no timing involved). */
  async function resolvesAtOnce(limiter: RateLimiter): Promise<boolean> {
    let resolved = false;
    const controller = new AbortController();
    void limiter.acquire(controller.signal).then(() => (resolved = true), () => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    return resolved;
  }

  it.each([3, 10, 200, 5_000])('spaces attempts so that no 1 s span holds more than %i, a late timer\'s catch-up included', (rate) => {
    expect(Math.floor((1000 + ARRIVAL_JITTER_MS) / spacingMs(rate)) + 2).toBeLessThanOrEqual(rate);
    if (rate >= 200) expect(1000 / spacingMs(rate)).toBeGreaterThan(rate * 0.9);
  });

  it('lets the first attempt through and makes the next wait for its slot', async () => {
    const { limiter } = clocked(10);
    expect(await resolvesAtOnce(limiter)).toBe(true);
    expect(await resolvesAtOnce(limiter)).toBe(false);
  });

  it('cuts the rate by 30% on a 429, then wins it back on successes, never above the ceiling', () => {
    const { limiter, advance } = clocked(100);
    limiter.onThrottled(undefined);
    expect(limiter.currentRate).toBeCloseTo(70);
    limiter.onThrottled(undefined); // the same burst: no second cut
    expect(limiter.currentRate).toBeCloseTo(70);
    advance(1_000);
    limiter.onThrottled(undefined);
    expect(limiter.currentRate).toBeCloseTo(49);
    for (let i = 0; i < 100; i++) limiter.onSuccess();
    expect(limiter.currentRate).toBe(100);
  });

  it('does nothing without a limit: every attempt goes at once, a 429 changes nothing', async () => {
    const { limiter } = clocked(undefined);
    limiter.onThrottled(5_000);
    expect(await resolvesAtOnce(limiter)).toBe(true);
    expect(await resolvesAtOnce(limiter)).toBe(true);
    expect(limiter.currentRate).toBeUndefined();
  });

  it('holds every caller until Retry-After has passed', async () => {
    const { limiter, advance } = clocked(1_000);
    expect(await resolvesAtOnce(limiter)).toBe(true);
    limiter.onThrottled(5_000);
    expect(await resolvesAtOnce(limiter)).toBe(false);
    advance(5_000);
    expect(await resolvesAtOnce(limiter)).toBe(true);
  });
});
