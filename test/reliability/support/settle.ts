/**
 * Waits for every promise to settle, or fails after `watchdogMs` naming how many are still pending:
 * a call that never settles fails the test instead of hanging it.
 */
export async function settleAll<T>(promises: readonly Promise<T>[], watchdogMs: number, what = 'calls'): Promise<PromiseSettledResult<T>[]> {
  const pending = new Set(promises.keys());
  const tracked = promises.map((promise, index) => promise.finally(() => pending.delete(index)));
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${pending.size} of ${promises.length} ${what} still pending after ${watchdogMs}ms (indexes ${[...pending].join(', ')})`));
    }, watchdogMs);
  });
  try {
    return await Promise.race([Promise.allSettled(tracked), watchdog]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `worker` over `items` with at most `limit` in flight; the promises are returned at once, in input order. */
export function startWithConcurrency<T, R>(items: readonly T[], limit: number, worker: (item: T) => Promise<R>): Promise<R>[] {
  const gates: Array<() => void> = [];
  let running = 0;
  const release = (): void => {
    running--;
    gates.shift()?.();
  };
  return items.map(async (item) => {
    if (running >= limit) await new Promise<void>((resolve) => gates.push(resolve));
    running++;
    try {
      return await worker(item);
    } finally {
      release();
    }
  });
}

/** Resolves once `check()` holds, or rejects after `timeoutMs` (polling every 10 ms). */
export async function eventually(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
