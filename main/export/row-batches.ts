/**
 * Rows in arrays of `size`, pulled from a synchronous source (better-sqlite3's `iterate()`) without an `await`
 * per row, or from an asynchronous one. Stopping early returns the source iterator, which releases a SQLite
 * statement that would otherwise keep the connection busy.
 */
export async function* inBatches<T>(source: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  if (Symbol.asyncIterator in source) {
    for await (const item of source) {
      batch.push(item);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  } else {
    for (const item of source) {
      batch.push(item);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
