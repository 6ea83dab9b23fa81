/**
 * Runs `worker` over `items` with at most `limit` calls in progress at once, starting items in input order,
 * and resolves to the results in input order. No dependency: a fixed set of `limit` lanes pulling the next index.
 *
 * When a worker rejects, no further item is started; the promise rejects with the first error once the calls
 * already in progress have settled (so nothing keeps running unobserved after the caller sees the error).
 * The bulk operations pass workers that never reject: they turn failures into per-item reports.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  worker: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  let firstError: unknown;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await worker(items[index] as T, index);
      } catch (error) {
        if (!failed) firstError = error;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failed) throw firstError;
  return results;
}
