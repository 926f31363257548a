/** Half-open time intervals [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

export function clip<T extends Interval>(item: T, start: number, end: number): T | null {
  const clipped = { ...item, start: Math.max(item.start, start), end: Math.min(item.end, end) };
  return clipped.end > clipped.start ? clipped : null;
}

/** Joins touching or overlapping neighbours that `same` says are alike; input sorted by start. */
export function mergeTouching<T extends Interval>(sorted: readonly T[], same: (a: T, b: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && item.start <= last.end && same(last, item)) {
      out[out.length - 1] = { ...last, end: Math.max(last.end, item.end) };
    } else {
      out.push({ ...item });
    }
  }
  return out;
}
