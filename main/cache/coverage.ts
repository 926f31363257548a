import type { ReadableDb, WritableDb } from './database';
import { VOLATILE_MS } from './identity';
import { clip, mergeTouching, type Interval } from './intervals';

/**
 * The coverage map: for each connection and dataset ('details', 'aggregates:<queryKey>', …), which parts of the
 * timeline are cached and when each part was fetched.
 *
 * The rule everything here follows: data about moment t can still change until t + 72 h (Genesys reprocesses
 * up to three days later). A part fetched at F is therefore *settled* for t <= F - 72 h and *unsettled* after
 * that. Unsettled parts are served from the cache like any other (offline, instantly), and are fetched again
 * only when the user asks for a refresh.
 */
export interface CoveragePiece extends Interval {
  fetchedAt: number;
}

export type MissingReason =
  /** Never fetched: must be downloaded. */
  | 'not-cached'
  /** Within the last 72 hours: Genesys may still change it. Re-fetched on refresh. */
  | 'recent'
  /** Older than 72 hours now, but fetched while it was recent: may have changed since. Re-fetched on refresh. */
  | 'unsettled';

export interface MissingInterval extends Interval {
  reason: MissingReason;
}

export interface Freshness {
  /** The covered stretch starting at `start` ends here (capped at `end`); null when `start` itself is not cached. */
  completeUpTo: number | null;
  /** When the oldest part of that stretch was fetched. */
  fetchedAt: number | null;
  /** Some of that stretch was fetched while recent and may have changed since (a refresh would update it). */
  mayHaveChanged: boolean;
}

/** Adjacent pieces fetched within this long of each other count as one fetch (one run writes many chunks). */
const SAME_FETCH_MS = 5 * 60_000;

const isSettled = (piece: CoveragePiece): boolean => piece.end + VOLATILE_MS <= piece.fetchedAt;

/**
 * Whether two touching pieces can become one without changing any answer of `missing()` for the worse:
 * both fully settled (the later fetch time keeps the merged piece settled), or fetched at about the same
 * time (the earlier time is kept, which can only make more of it count as unsettled).
 */
function mergedFetchTime(a: CoveragePiece, b: CoveragePiece): number | null {
  if (isSettled(a) && isSettled(b)) return Math.max(a.fetchedAt, b.fetchedAt);
  if (Math.abs(a.fetchedAt - b.fetchedAt) <= SAME_FETCH_MS) return Math.min(a.fetchedAt, b.fetchedAt);
  return null;
}

/** Sorted, non-overlapping pieces → the same with mergeable neighbours joined. */
export function mergePieces(sorted: readonly CoveragePiece[]): CoveragePiece[] {
  const out: CoveragePiece[] = [];
  for (const piece of sorted) {
    const last = out[out.length - 1];
    const fetchedAt = last !== undefined && last.end === piece.start ? mergedFetchTime(last, piece) : null;
    if (last !== undefined && fetchedAt !== null)
      out[out.length - 1] = { start: last.start, end: piece.end, fetchedAt };
    else out.push({ ...piece });
  }
  return out;
}

/** Pieces after recording that [start, end) was fetched at `fetchedAt` over `existing` (sorted, non-overlapping). */
export function withRecorded(existing: readonly CoveragePiece[], fetched: CoveragePiece): CoveragePiece[] {
  const kept: CoveragePiece[] = [];
  for (const piece of existing) {
    if (piece.end <= fetched.start || piece.start >= fetched.end) {
      kept.push(piece);
      continue;
    }
    // The newer fetch replaces the overlap; what sticks out on either side keeps its own fetch time.
    if (piece.start < fetched.start) kept.push({ ...piece, end: fetched.start });
    if (piece.end > fetched.end) kept.push({ ...piece, start: fetched.end });
  }
  kept.push(fetched);
  kept.sort((a, b) => a.start - b.start);
  return mergePieces(kept);
}

export interface MissingOptions {
  now: number;
  /** The user asked to refresh: also return cached parts that may have changed. */
  refresh: boolean;
}

/** What to fetch for [start, end), given the cached pieces overlapping it (sorted, non-overlapping). */
export function missingIntervals(
  pieces: readonly CoveragePiece[],
  start: number,
  end: number,
  options: MissingOptions,
): MissingInterval[] {
  const out: MissingInterval[] = [];
  const recentFrom = options.now - VOLATILE_MS;
  // Nothing after "now" can be fetched yet.
  end = Math.min(end, options.now);
  let cursor = start;
  for (const raw of pieces) {
    const piece = clip(raw, start, end);
    if (piece === null) continue;
    if (piece.start > cursor) out.push({ start: cursor, end: piece.start, reason: 'not-cached' });
    if (options.refresh) {
      const unsettledFrom = Math.max(piece.start, piece.fetchedAt - VOLATILE_MS);
      const older = clip({ start: unsettledFrom, end: piece.end }, -Infinity, recentFrom);
      const recent = clip({ start: unsettledFrom, end: piece.end }, recentFrom, Infinity);
      if (older !== null) out.push({ ...older, reason: 'unsettled' });
      if (recent !== null) out.push({ ...recent, reason: 'recent' });
    }
    cursor = Math.max(cursor, piece.end);
  }
  if (cursor < end) out.push({ start: cursor, end, reason: 'not-cached' });
  return mergeTouching(out, (a, b) => a.reason === b.reason);
}

export function freshness(pieces: readonly CoveragePiece[], start: number, end: number): Freshness {
  let completeUpTo: number | null = null;
  let fetchedAt: number | null = null;
  let mayHaveChanged = false;
  for (const raw of pieces) {
    const piece = clip(raw, start, end);
    if (piece === null) continue;
    if (piece.start > (completeUpTo ?? start)) break;
    completeUpTo = piece.end;
    fetchedAt = fetchedAt === null ? piece.fetchedAt : Math.min(fetchedAt, piece.fetchedAt);
    if (piece.end + VOLATILE_MS > piece.fetchedAt) mayHaveChanged = true;
  }
  return { completeUpTo, fetchedAt, mayHaveChanged };
}

interface StoredPiece {
  start: number;
  end: number;
  fetchedAt: number;
}

/** Pieces of a dataset overlapping or touching [start, end], in time order. */
export function readPieces(db: ReadableDb, conn: number, dataset: string, start: number, end: number): CoveragePiece[] {
  return db
    .prepare(
      `SELECT start_ms AS start, end_ms AS end, fetched_at AS fetchedAt FROM coverage
        WHERE conn = ? AND dataset = ? AND end_ms >= ? AND start_ms <= ? ORDER BY start_ms`,
    )
    .all(conn, dataset, start, end) as StoredPiece[];
}

/** No transaction here: the caller wraps it with the rows it covers. */
export class CoverageWriter {
  constructor(private readonly db: WritableDb) {}

  /**
   * Records that [start, end) of `dataset` was fetched at `fetchedAt`. The part after `fetchedAt` is not
   * recorded: nothing after the moment of fetching can have been in the answer.
   */
  record(conn: number, dataset: string, start: number, end: number, fetchedAt: number): void {
    const coveredEnd = Math.min(end, fetchedAt);
    if (coveredEnd <= start) return;
    const touching = readPieces(this.db, conn, dataset, start, coveredEnd);
    const next = withRecorded(touching, { start, end: coveredEnd, fetchedAt });
    const remove = this.db.prepare('DELETE FROM coverage WHERE conn = ? AND dataset = ? AND start_ms = ?');
    for (const piece of touching) remove.run(conn, dataset, piece.start);
    const insert = this.db.prepare(
      'INSERT INTO coverage (conn, dataset, start_ms, end_ms, fetched_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const piece of next) insert.run(conn, dataset, piece.start, piece.end, piece.fetchedAt);
  }

  /** Forgets [start, end) of a dataset (e.g. after its rows were found to be wrong); other parts stay. */
  forget(conn: number, dataset: string, start: number, end: number): void {
    const touching = readPieces(this.db, conn, dataset, start, end);
    const remove = this.db.prepare('DELETE FROM coverage WHERE conn = ? AND dataset = ? AND start_ms = ?');
    const insert = this.db.prepare(
      'INSERT INTO coverage (conn, dataset, start_ms, end_ms, fetched_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const piece of touching) {
      remove.run(conn, dataset, piece.start);
      for (const rest of [clip(piece, -Infinity, start), clip(piece, end, Infinity)]) {
        if (rest !== null) insert.run(conn, dataset, rest.start, rest.end, rest.fetchedAt);
      }
    }
  }
}
