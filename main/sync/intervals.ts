import type { Interval } from '../cache/intervals';

export type { Interval };

const MINUTE = 60_000;

/**
 * [start, end) cut into the fewest pieces no longer than `maxMs`, of about equal length (so concurrent chunks
 * finish together), with inner boundaries on whole minutes when the pieces are longer than one.
 */
export function evenSplit(start: number, end: number, maxMs: number): Interval[] {
  if (end <= start) return [];
  const count = Math.ceil((end - start) / maxMs);
  const exact = (end - start) / count;
  const step = exact > MINUTE ? Math.min(maxMs, Math.ceil(exact / MINUTE) * MINUTE) : Math.ceil(exact);
  const out: Interval[] = [];
  for (let from = start; from < end; from += step) out.push({ start: from, end: Math.min(end, from + step) });
  return out;
}

/** Sorted, overlapping or touching intervals joined. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && item.start <= last.end) last.end = Math.max(last.end, item.end);
    else out.push({ start: item.start, end: item.end });
  }
  return out;
}
