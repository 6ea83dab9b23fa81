/** How much a 429 cuts the send rate (the AWS SDK's adaptive mode uses the same 0.7). */
const THROTTLE_FACTOR = 0.7;
/** Share of the ceiling won back per successful answer after a cut (additive increase). */
const RECOVERY_SHARE = 0.02;
/** 429s within this long of a cut answer requests sent before it took effect: they do not cut again. */
const CUT_COOLDOWN_MS = 1_000;
/** Never slow below this many requests per second. */
const MIN_RATE = 0.5;
/** Spread of the delay between sending a request and its arrival at Ethora, allowed for in the spacing. */
export const ARRIVAL_JITTER_MS = 25;

/**
 * Gap between two attempts at `rate`/s such that no 1 s span at the server (plus jitter) ever holds more than
 * `rate` requests: n sends spaced by g fit in 1 s + jitter only if g ≤ (1000 + jitter)/(n − 1), and one more
 * send may come early (a late timer's catch-up, see `release`), hence n − 2.
 */
export function spacingMs(rate: number): number {
  return rate > 2 ? Math.max(1000 / rate, (1000 + ARRIVAL_JITTER_MS) / (rate - 2)) : 1000 / rate;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
}

/**
 * Client-side pacing of every attempt the HTTP client sends, in the spirit of the AWS SDK's adaptive retry
 * mode. With a ceiling (`rateLimitPerSecond`), attempts are spaced so that no 1 s span holds more than the
 * ceiling, so a big bulk run never bursts into a 429 storm. A 429 cuts the rate by 30% (from the measured send rate when no ceiling was
 * set; a burst of 429s answering requests already sent counts as one) and holds every caller until its
 * `Retry-After`; each success wins back 2% of the ceiling.
 * @internal
 */
export class RateLimiter {
  private rate: number | undefined;
  // What recovery climbs back to: the ceiling, or the measured rate a first 429 cut from.
  private target: number | undefined;
  private lastRelease = -Infinity;
  private readonly waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pausedUntil = 0;
  private lastCut = -Infinity;
  private recentSends: number[] = [];

  constructor(
    private readonly ceiling: number | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.rate = ceiling;
    this.target = ceiling;
  }

  /**
   * Waits for this attempt's turn. Waiters are released one at a time, each at least one spacing after the
   * previous release as it actually happened, so a stalled event loop never releases a burst.
   */
  acquire(signal?: AbortSignal): Promise<void> {
    const now = this.now();
    this.track(now);
    if (this.waiters.length === 0 && now >= this.dueAt(now)) {
      this.lastRelease = now;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject, signal };
      this.waiters.push(waiter);
      signal?.addEventListener('abort', () => this.drop(waiter), { once: true });
      this.schedule();
    });
  }

  /** A 429: slow down, and hold every caller until `Retry-After` has passed. */
  onThrottled(retryAfterMs: number | undefined): void {
    const now = this.now();
    if (retryAfterMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    if (now - this.lastCut < CUT_COOLDOWN_MS) return;
    this.lastCut = now;
    const base = this.rate ?? Math.max(MIN_RATE, this.measuredRate(now));
    this.target ??= base;
    this.rate = Math.max(MIN_RATE, base * THROTTLE_FACTOR);
  }

  /** A success: win back part of the rate lost to 429s; without a ceiling, stop pacing once recovered. */
  onSuccess(): void {
    const target = this.target;
    if (this.rate === undefined || target === undefined || this.rate === this.ceiling) return;
    const next = this.rate + Math.max(MIN_RATE, target * RECOVERY_SHARE);
    if (this.ceiling === undefined && next >= target) {
      this.rate = undefined;
      this.target = undefined;
    } else {
      this.rate = Math.min(next, target);
    }
  }

  /** The current pace in requests per second; `undefined` when unlimited. */
  get currentRate(): number | undefined {
    return this.rate;
  }

  // When the next waiter may go: after any Retry-After pause, and one spacing after the last release.
  private dueAt(now: number): number {
    const paced = this.rate === undefined ? now : this.lastRelease + spacingMs(this.rate);
    return Math.max(this.pausedUntil, paced);
  }

  private schedule(): void {
    if (this.timer || this.waiters.length === 0) return;
    const now = this.now();
    this.timer = setTimeout(() => this.release(), Math.max(0, this.dueAt(now) - now));
  }

  private release(): void {
    this.timer = undefined;
    const now = this.now();
    const due = this.dueAt(now);
    if (now >= due) {
      // A late timer may catch up by at most one spacing, so pacing keeps its rate without ever bursting.
      this.lastRelease = this.rate === undefined ? now : Math.max(due, now - spacingMs(this.rate));
      this.waiters.shift()?.resolve();
    }
    this.schedule();
  }

  private drop(waiter: Waiter): void {
    const index = this.waiters.indexOf(waiter);
    if (index < 0) return;
    this.waiters.splice(index, 1);
    waiter.reject(waiter.signal?.reason);
    if (this.waiters.length === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  // Only kept while unlimited: it is what a first 429 cuts from.
  private track(now: number): void {
    if (this.ceiling !== undefined) return;
    this.recentSends.push(now);
    if (this.recentSends.length > 4096 || (this.recentSends[0] as number) < now - 1000) {
      this.recentSends = this.recentSends.filter((time) => time >= now - 1000);
    }
  }

  private measuredRate(now: number): number {
    return this.recentSends.filter((time) => time >= now - 1000).length;
  }
}
