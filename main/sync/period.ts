import { addLocal } from './zoned-time';

/** An ISO-8601 period as aggregate `granularity` uses it: calendar months and days, plus exact time. */
export interface Period {
  months: number;
  days: number;
  ms: number;
}

const PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Parses `PT30M`, `P1D`, `P7D`, `P1M`, `P1DT12H`…; undefined for anything else (including a zero period). */
export function parsePeriod(text: string): Period | undefined {
  const match = PERIOD.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  const period = {
    months: (years ?? 0) * 12 + (months ?? 0),
    days: (weeks ?? 0) * 7 + (days ?? 0),
    ms: Math.round(((hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0)) * 1000),
  };
  return period.months + period.days + period.ms > 0 ? period : undefined;
}

/** Roughly how long a period is (months as 30.44 days), to choose how many buckets one request may hold. */
export function nominalMs(period: Period): number {
  return period.months * 30.44 * 86_400_000 + period.days * 86_400_000 + period.ms;
}

/** Boundary k of buckets that start at `start`: `start + k × period` on the zone's calendar (k may be 0). */
export function addPeriod(zone: string, start: number, period: Period, k: number): number {
  const calendar =
    period.months === 0 && period.days === 0 ? start : addLocal(zone, start, period.months * k, period.days * k);
  return calendar + period.ms * k;
}
