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
 * Client-side pacing of every attempt the HTTP client sends (`rateLimitPerSecond`), in the spirit of the AWS
 * SDK's adaptive retry mode: attempts are spaced so that no 1 s span holds more than the limit, so a big bulk
 * run never bursts into a 429 storm. A 429 cuts the pace by 30% (a burst of 429s answering requests already
 * sent counts as one) and holds every caller until its `Retry-After`; each success wins back 2% of the limit.
 * Without a limit it does nothing: retries alone handle a 429, as before.
 * @internal
 */
export class RateLimiter {
  private rate: number;
  private lastRelease = -Infinity;
  private readonly waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pausedUntil = 0;
  private lastCut = -Infinity;

  constructor(
    private readonly ceiling: number | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.rate = ceiling ?? Infinity;
  }

  /**
   * Waits for this attempt's turn. Waiters are released one at a time, each at least one spacing after the
   * previous release as it actually happened, so a stalled event loop never releases a burst.
   */
  acquire(signal?: AbortSignal): Promise<void> {
    if (this.ceiling === undefined) return Promise.resolve();
    const now = this.now();
    if (this.waiters.length === 0 && now >= this.dueAt()) {
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
    if (this.ceiling === undefined) return;
    const now = this.now();
    if (retryAfterMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    if (now - this.lastCut < CUT_COOLDOWN_MS) return;
    this.lastCut = now;
    this.rate = Math.max(MIN_RATE, this.rate * THROTTLE_FACTOR);
  }

  /** A success: win back part of the rate lost to 429s. */
  onSuccess(): void {
    if (this.ceiling === undefined || this.rate === this.ceiling) return;
    this.rate = Math.min(this.ceiling, this.rate + Math.max(MIN_RATE, this.ceiling * RECOVERY_SHARE));
  }

  /** Whether a limit is set (without one, every method is a no-op). */
  get active(): boolean {
    return this.ceiling !== undefined;
  }

  /** The current pace in requests per second; `undefined` without a limit. */
  get currentRate(): number | undefined {
    return this.ceiling === undefined ? undefined : this.rate;
  }

  // When the next waiter may go: after any Retry-After pause, and one spacing after the last release.
  private dueAt(): number {
    return Math.max(this.pausedUntil, this.lastRelease + spacingMs(this.rate));
  }

  private schedule(): void {
    if (this.timer || this.waiters.length === 0) return;
    this.timer = setTimeout(() => this.release(), Math.max(0, this.dueAt() - this.now()));
  }

  private release(): void {
    this.timer = undefined;
    const now = this.now();
    const due = this.dueAt();
    if (now >= due) {
      // A late timer may catch up by at most one spacing, so pacing keeps its rate without ever bursting.
      this.lastRelease = Math.max(due, now - spacingMs(this.rate));
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
}
