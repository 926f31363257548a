/**
 * ISO-8601 periods (`PT30M`, `P1D`, `P1DT12H`, `P1M`…), used for aggregate
 * granularity and for `start/period` intervals. Date fields (years, months,
 * weeks, days) are calendar amounts whose length depends on the time zone;
 * time fields are exact durations. Keeping them apart is what makes a P1D
 * bucket 23 or 25 hours long on a DST day while a PT1H bucket stays one hour.
 */

export interface Period {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  /** Hours, minutes and seconds folded into milliseconds: they never depend on the zone. */
  readonly timeMs: number;
}

const PERIOD =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,3}))?S)?)?$/;

function int(text: string | undefined): number {
  return text === undefined ? 0 : Number(text);
}

/** Undefined for anything that is not a positive ISO-8601 period. */
export function parsePeriod(text: string): Period | undefined {
  const match = PERIOD.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [, y, mo, w, d, h, mi, s, frac] = match;
  const millis = frac === undefined ? 0 : Number(frac.padEnd(3, '0'));
  const period: Period = {
    years: int(y),
    months: int(mo),
    weeks: int(w),
    days: int(d),
    timeMs: int(h) * 3_600_000 + int(mi) * 60_000 + int(s) * 1000 + millis,
  };
  const positive = period.years + period.months + period.weeks + period.days + period.timeMs > 0;
  return positive ? period : undefined;
}

export function hasCalendarFields(period: Period): boolean {
  return period.years + period.months + period.weeks + period.days > 0;
}
