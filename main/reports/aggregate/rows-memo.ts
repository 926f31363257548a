import type { CacheReader } from '../../cache';

/**
 * Computed report rows kept per cache reader for the last few parameter sets, so the grid's next page, a new
 * sort or a column filter reuse them instead of reading and summing every bucket again. An entry is valid for
 * one *cache state*: the caller's fingerprint (the coverage pieces of what the rows were read from, which
 * change whenever a fetch completes) is part of the key, so a refresh is never hidden behind old rows.
 */
const ENTRIES_PER_READER = 4;

export class RowsMemo<T> {
  private readonly byReader = new WeakMap<CacheReader, Map<string, T>>();

  get(reader: CacheReader, key: string, compute: () => T): T {
    let entries = this.byReader.get(reader);
    if (entries === undefined) this.byReader.set(reader, (entries = new Map<string, T>()));
    const found = entries.get(key);
    if (found !== undefined) {
      // Most recently used last.
      entries.delete(key);
      entries.set(key, found);
      return found;
    }
    const value = compute();
    entries.set(key, value);
    if (entries.size > ENTRIES_PER_READER) entries.delete(entries.keys().next().value as string);
    return value;
  }
}
