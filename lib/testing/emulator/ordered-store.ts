/**
 * An insertion-ordered keyed collection with O(1) get/set/delete and O(limit) paging.
 * Why not a bare Map: paging a Map to offset N walks N entries, and benchmarks page 100,000 users.
 * Deleted keys are dropped from the order array lazily, on the next ordered read.
 * @internal
 */
export class OrderedStore<K, V> {
  private readonly map = new Map<K, V>();
  private order: K[] = [];
  private readonly removed = new Set<K>();

  /** `keyOf` maps a key to the one it is stored under (e.g. case folding); identity by default. */
  constructor(private readonly keyOf: (key: K) => K = (key) => key) {}

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(this.keyOf(key));
  }

  has(key: K): boolean {
    return this.map.has(this.keyOf(key));
  }

  set(rawKey: K, value: V): void {
    const key = this.keyOf(rawKey);
    if (!this.map.has(key)) {
      // A key deleted and re-added must not keep its old slot: compact first (rare).
      if (this.removed.has(key)) this.compact();
      this.order.push(key);
    }
    this.map.set(key, value);
  }

  delete(rawKey: K): boolean {
    const key = this.keyOf(rawKey);
    if (!this.map.delete(key)) return false;
    this.removed.add(key);
    return true;
  }

  clear(): void {
    this.map.clear();
    this.order = [];
    this.removed.clear();
  }

  /** Values in insertion order. */
  values(): V[] {
    this.compact();
    return this.order.map((key) => this.map.get(key) as V);
  }

  /** One page of values in insertion order. */
  slice(offset: number, limit: number): V[] {
    this.compact();
    return this.order.slice(offset, offset + limit).map((key) => this.map.get(key) as V);
  }

  private compact(): void {
    if (this.removed.size === 0) return;
    this.order = this.order.filter((key) => !this.removed.has(key));
    this.removed.clear();
  }
}
