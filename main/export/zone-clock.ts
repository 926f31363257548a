/**
 * Wall-clock time in an IANA zone, fast enough for a million rows. `Intl` answers one instant in about a
 * microsecond, too slow for several datetime columns per row, but a zone's offset changes only at rare
 * transitions: the offset is looked up once per UTC hour and reused for every instant in that hour, unless the
 * hour contains a transition, in which case each instant is asked for on its own.
 */
const HOUR_MS = 3_600_000;
const MIXED = Number.NaN;
const MAX_CACHED_HOURS = 200_000;

export class ZoneClock {
  private readonly formatter: Intl.DateTimeFormat;
  private readonly offsetByHour = new Map<number, number>();

  constructor(readonly timeZone: string) {
    this.formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  }

  /** The zone's clock reading at `epochMs`, packed as "that reading as if it were UTC" in ms. */
  wallClockMs(epochMs: number): number {
    return epochMs + this.offsetAt(epochMs);
  }

  /** Offset from UTC in ms at `epochMs` (e.g. +3,600,000 for British Summer Time). */
  offsetAt(epochMs: number): number {
    const hour = Math.floor(epochMs / HOUR_MS);
    let offset = this.offsetByHour.get(hour);
    if (offset === undefined) {
      const start = this.exactOffset(hour * HOUR_MS);
      offset = start === this.exactOffset(hour * HOUR_MS + HOUR_MS - 1) ? start : MIXED;
      if (this.offsetByHour.size >= MAX_CACHED_HOURS) this.offsetByHour.clear();
      this.offsetByHour.set(hour, offset);
    }
    return Number.isNaN(offset) ? this.exactOffset(epochMs) : offset;
  }

  private exactOffset(epochMs: number): number {
    const name = this.formatter.formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value ?? '';
    return parseGmtOffset(name);
  }
}

/** "GMT+05:45" → ms; "GMT-00:01:15" (historic local mean time) keeps its seconds; "GMT" is zero. */
export function parseGmtOffset(name: string): number {
  const match = /^GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/.exec(name);
  if (!match) throw new Error(`Unexpected time zone offset "${name}"`);
  if (match[1] === undefined) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  const seconds = Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
  return sign * seconds * 1000;
}
