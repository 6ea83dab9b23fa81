/**
 * Splits `items` into consecutive slices of at most `size` items, each remembering where it starts in the
 * input, so per-item outcomes can be written back in input order.
 */
export interface Chunk<T> {
  /** Index in the input of the chunk's first item. */
  readonly start: number;
  readonly items: readonly T[];
}

export function chunk<T>(items: readonly T[], size: number): Chunk<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a whole number ≥ 1, got ${size}`);
  const chunks: Chunk<T>[] = [];
  for (let start = 0; start < items.length; start += size) chunks.push({ start, items: items.slice(start, start + size) });
  return chunks;
}
