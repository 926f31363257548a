/** A bounded least-recently-used map: the query caches must not grow with every distinct query a test sends. */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();
  private weight = 0;

  /**
   * `weigh` and `maxWeight` bound what the entries hold as well as how many
   * there are: an entry may pin tens of thousands of conversations that the
   * generator has already let go of. The newest entry is always kept.
   */
  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 0,
    private readonly maxWeight = Number.POSITIVE_INFINITY,
  ) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Re-inserting moves the key to the end: Map iteration order is insertion order.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.remove(key);
    this.entries.set(key, value);
    this.weight += this.weigh(value);
    while (this.entries.size > 1 && (this.entries.size > this.capacity || this.weight > this.maxWeight)) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.remove(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: K): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.weight -= this.weigh(value);
  }
}
