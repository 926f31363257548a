/**
 * When conversations start: a weekly shape (busy weekdays, quiet weekends)
 * times an hour-of-day curve in the org's local time. Days are cut into
 * 15-minute slices of real time, each weighted by the curve at its local wall
 * hour, so a 25-hour day repeats an hour and a 23-hour day skips one.
 */
import { OrgCalendar } from './calendar';
import { clamp, type Rng } from './random';

/** Relative volume per local hour [h, h+1): quiet nights, peaks mid-morning and early afternoon. */
export const HOUR_CURVE: readonly number[] = [
  0.08, 0.05, 0.04, 0.04, 0.05, 0.1, 0.25, 0.55, 1.0, 1.45, 1.6, 1.5, 1.2, 1.35, 1.45, 1.3, 1.1, 0.85, 0.6, 0.45, 0.35,
  0.25, 0.17, 0.11,
];

const PEAK = Math.max(...HOUR_CURVE);
const NORMAL_DAY_WEIGHT = HOUR_CURVE.reduce((a, b) => a + b, 0);

/** Sunday … Saturday; normalised below so a week averages `perDay`. */
const RAW_WEEKDAY = [0.45, 1.18, 1.12, 1.1, 1.08, 1.02, 0.6];
const WEEK_MEAN = RAW_WEEKDAY.reduce((a, b) => a + b, 0) / 7;
export const WEEKDAY_FACTOR: readonly number[] = RAW_WEEKDAY.map((w) => w / WEEK_MEAN);

const SLICE_MS = 15 * 60_000;

/** A day's conversation start times (sorted) and how busy the centre was at each. */
export interface DayTimetable {
  day: number;
  startMs: number;
  endMs: number;
  starts: Float64Array;
  /** Curve weight at the start, 0–1 of the daily peak: drives queue waits. */
  loads: Float32Array;
}

export function dayTimetable(calendar: OrgCalendar, day: number, perDay: number, rng: Rng): DayTimetable {
  const startMs = calendar.dayStart(day);
  const endMs = calendar.dayEnd(day);
  const sliceStarts: number[] = [];
  const sliceWeights: number[] = [];
  let dayWeight = 0;
  for (let t = startMs; t < endMs; t += SLICE_MS) {
    const length = Math.min(SLICE_MS, endMs - t);
    const hour = Math.floor(calendar.hourOf(t));
    const w = ((HOUR_CURVE[hour] ?? 0) * length) / 3_600_000;
    sliceStarts.push(t);
    sliceWeights.push(w);
    dayWeight += w;
  }
  // Day-to-day noise of a few percent, so no two Mondays are identical.
  const noise = clamp(1 + 0.05 * rng.normal(), 0.85, 1.15);
  const expected = perDay * (WEEKDAY_FACTOR[OrgCalendar.weekday(day)] ?? 1) * (dayWeight / NORMAL_DAY_WEIGHT) * noise;

  const counts: number[] = [];
  let total = 0;
  for (const w of sliceWeights) {
    // Stochastic rounding keeps tiny orgs from having zero traffic in every slice.
    const x = (expected * w) / dayWeight;
    const n = Math.floor(x) + (rng.next() < x - Math.floor(x) ? 1 : 0);
    counts.push(n);
    total += n;
  }

  const starts = new Float64Array(total);
  const loads = new Float32Array(total);
  let k = 0;
  for (let s = 0; s < counts.length; s++) {
    const from = sliceStarts[s] ?? startMs;
    const length = Math.min(SLICE_MS, endMs - from);
    const load = ((sliceWeights[s] ?? 0) * 3_600_000) / length / PEAK;
    const n = counts[s] ?? 0;
    const sliceFrom = k;
    for (let i = 0; i < n; i++) {
      starts[k] = from + Math.floor(rng.next() * length);
      loads[k] = load;
      k++;
    }
    // Slices are consecutive, so sorting each keeps the whole day sorted.
    starts.subarray(sliceFrom, k).sort();
  }
  return { day, startMs, endMs, starts, loads };
}
