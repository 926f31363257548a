import type { DurationFormat } from '../../../preload/contract/types';

/**
 * A duration held in milliseconds, as supervisors read it: "1:02:03" (hours are not wrapped at 24, so a
 * week of talk time stays summable) or whole seconds ("3723") for people who paste into their own formulas.
 */
export function formatDuration(ms: number | null, format: DurationFormat): string {
  if (ms === null || !Number.isFinite(ms)) return '';
  const totalSeconds = Math.round(Math.abs(ms) / 1000);
  const sign = ms < 0 && totalSeconds > 0 ? '-' : '';
  if (format === 'seconds') return `${sign}${totalSeconds}`;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return `${sign}${hours}:${pad(minutes)}:${pad(seconds)}`;
}

/**
 * Reads what someone types in a duration filter: "90" (seconds), "1:30" (minutes:seconds) or "1:02:03".
 * Returns seconds, or null when the text is not a duration.
 */
export function parseDurationSeconds(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const parts = trimmed.split(':');
  if (parts.length > 3 || parts.some((part) => !/^\d+(\.\d+)?$/.test(part))) return null;
  return parts.reduce((total, part) => total * 60 + Number(part), 0);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** "about 3 min left", for progress lines: rough on purpose, since rate limits make estimates move. */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'estimating time left';
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  return `about ${hours} h ${minutes % 60} min left`;
}
