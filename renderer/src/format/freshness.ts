import type { FreshnessInfo } from '../../../preload/contract/workspace-types';
import { formatMoment } from './datetime';

const DAY = 86_400_000;

/**
 * "Complete up to Mon 23 Mar 2026, 09:40; the last 3 days may still change": how much of the current result is
 * settled in the cache, and how much Genesys may still correct (it reprocesses data up to about 3 days old).
 */
export function freshnessText(freshness: FreshnessInfo, zone: string, now: number): string {
  if (freshness.completeUpTo === null) return 'Nothing of this result is cached yet.';
  const parts = [`Complete up to ${formatMoment(freshness.completeUpTo, zone)}`];
  if (freshness.mayChangeFrom !== null && freshness.mayChangeFrom < now) {
    const days = Math.max(1, Math.round((now - freshness.mayChangeFrom) / DAY));
    parts.push(days === 1 ? 'the last day may still change' : `the last ${days} days may still change`);
  }
  const text = parts.join('; ');
  return freshness.fetchedAt === null ? `${text}.` : `${text}. Fetched ${formatMoment(freshness.fetchedAt, zone)}.`;
}
