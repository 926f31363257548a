import { describe, expect, it } from 'vitest';
import { offlineMessage } from '../../../main/sync/missing-message';
import { addLocal, startOfLocalDay } from '../../../main/sync/zoned-time';

const ZONE = 'Europe/London';
const NOW = Date.UTC(2025, 2, 20, 15);
const day = (month: number, date: number) => startOfLocalDay(ZONE, Date.UTC(2025, month - 1, date, 12));
const part = (start: number, end: number) => ({ dataset: 'details', start, end });

describe('the offline message', () => {
  it('names whole local days as a range, joining what several datasets lack', () => {
    const message = offlineMessage(
      [part(day(3, 3), day(3, 5)), part(day(3, 4), day(3, 6)), { ...part(day(3, 3), day(3, 4)), dataset: 'x' }],
      ZONE,
      NOW,
    );
    expect(message).toBe('Not in the cache: 3–5 March. Connect to the internet and run it again.');
  });

  it('names single days, ranges across months and years, and partial days with times', () => {
    expect(offlineMessage([part(day(3, 9), day(3, 10))], ZONE, NOW)).toBe(
      'Not in the cache: 9 March. Connect to the internet and run it again.',
    );
    expect(offlineMessage([part(day(2, 27), day(3, 2))], ZONE, NOW)).toContain('27 February – 1 March.');
    const newYear = startOfLocalDay(ZONE, Date.UTC(2024, 11, 30, 12));
    expect(offlineMessage([part(newYear, addLocal(ZONE, newYear, 0, 4))], ZONE, NOW)).toContain(
      '30 December 2024 – 2 January 2025.',
    );
    expect(offlineMessage([part(day(3, 20), NOW)], ZONE, NOW)).toContain('20 March 00:00–15:00.');
    const many = [1, 3, 5, 7, 9, 11].map((d) => part(day(1, d), day(1, d + 1)));
    expect(offlineMessage(many, ZONE, NOW)).toBe(
      'Not in the cache: 1 January, 3 January, 5 January, 7 January and 2 more periods. Connect to the internet and run it again.',
    );
  });
});
